package jp.riss.activelist.registry;

import java.util.List;
import java.util.Map;

/** A row as read from the file, before validation: field name to text (null when empty). */
record RawRow(int line, Map<String, String> values, List<RowError> errors) {}
