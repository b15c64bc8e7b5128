package jp.riss.guide.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reading column values of native queries as the types this service uses. */
public final class SqlValues {

  private SqlValues() {}

  public static Object array(Object column) {
    try {
      return column instanceof java.sql.Array sql ? sql.getArray() : column;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static OffsetDateTime time(Object column) {
    if (column == null) {
      return null;
    }
    if (column instanceof OffsetDateTime t) {
      return t;
    }
    if (column instanceof Instant i) {
      return i.atOffset(ZoneOffset.UTC);
    }
    if (column instanceof Timestamp t) {
      return t.toInstant().atOffset(ZoneOffset.UTC);
    }
    throw new IllegalStateException("unexpected time column " + column.getClass());
  }
}
