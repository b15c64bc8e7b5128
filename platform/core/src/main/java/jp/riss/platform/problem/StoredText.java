package jp.riss.platform.problem;

import java.sql.SQLException;
import java.util.Set;

/** Recognises PostgreSQL refusing text the client sent, however deeply the driver's error lies. */
final class StoredText {

  /**
   * 22021 character_not_in_repertoire (e.g. NUL in text), 22P05 untranslatable_character: both are
   * about the bytes the client sent, never about the server.
   */
  static final Set<String> BAD_TEXT_STATES = Set.of("22021", "22P05");

  private StoredText() {}

  static boolean refusedBy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException s = sql; s != null; s = s.getNextException()) {
          if (s.getSQLState() != null && BAD_TEXT_STATES.contains(s.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
