package jp.riss.activelist.registry;

/** What is wrong with one row of an import file: its line (1 = first line), field and why. */
public record RowError(int line, String field, String message) {}
