package jp.riss.deemedattendance.syllabus;

import java.util.List;

/** The syllabus sub-items a guidance theme's engagements exercise, in syllabus order. */
public record ThemeMapping(int theme, List<String> syllabusItems) {}
