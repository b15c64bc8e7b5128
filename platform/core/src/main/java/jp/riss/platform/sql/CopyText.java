package jp.riss.platform.sql;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.Session;
import org.postgresql.PGConnection;

/**
 * Set-wise writes (bulk imports, bulk mail) with PostgreSQL's COPY: values in its text format (a
 * backslash, tab or line break inside a value escaped, a null as {@code \N}) and the COPY itself,
 * in the caller's transaction.
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

  /** Runs {@code COPY ... FROM STDIN} with these rows on the transaction's connection. */
  public static void copyIn(EntityManager em, String copySql, CharSequence rows) {
    em.flush();
    em.unwrap(Session.class).doWork(c -> copyIn(c, copySql, rows));
  }

  public static void copyIn(Connection connection, String copySql, CharSequence rows)
      throws SQLException {
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(copySql, new StringReader(rows.toString()));
    } catch (IOException e) {
      throw new SQLException(copySql + " failed", e);
    }
  }
}
