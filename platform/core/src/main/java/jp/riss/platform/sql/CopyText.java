package jp.riss.platform.sql;

/**
 * Values in PostgreSQL's COPY text format, for set-wise writes (bulk imports, bulk mail): a
 * backslash, tab or line break inside a value is escaped, a null is {@code \N}.
 */
public final class CopyText {

  private CopyText() {}

  public static StringBuilder append(StringBuilder out, String value) {
    if (value == null) {
      return out.append("\\N");
    }
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(ch);
      }
    }
    return out;
  }
}
