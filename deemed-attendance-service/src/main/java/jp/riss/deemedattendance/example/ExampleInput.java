package jp.riss.deemedattendance.example;

/** A new example description: the syllabus area (1–4), a title (1–200) and the text (50–4000). */
public record ExampleInput(Integer area, String title, String text) {}
