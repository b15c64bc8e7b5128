package jp.riss.community.completion;

/** Why row {@code row} (numbered from 1) was not imported, naming the field at fault. */
public record RowError(int row, String field, String message) {}
