package jp.riss.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a request that failed because the database could not be reached or no connection came
 * free in time (a burst that drained the pool, a database restarting): the server is busy or down
 * for a moment, which the client should retry (503), not an error in the request or a bug (500).
 */
final class DatabaseUnavailable {

  /** Agroal's words when no connection came free within the acquisition timeout. */
  static final String POOL_EXHAUSTED = "Acquisition timeout";

  /** SQL state class 08: connection exceptions (refused, lost, not established). */
  static final String CONNECTION_CLASS = "08";

  /**
   * SQL states 57P01-57P03: the server is shutting down (admin or crash) or still starting up and
   * refuses connections for now, as while PostgreSQL restarts.
   */
  static final String SHUTTING_DOWN_OR_STARTING = "57P0";

  private DatabaseUnavailable() {}

  static boolean causedBy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        String message = sql.getMessage();
        if (state != null
                && (state.startsWith(CONNECTION_CLASS)
                    || state.startsWith(SHUTTING_DOWN_OR_STARTING))
            || message != null && message.startsWith(POOL_EXHAUSTED)) {
          return true;
        }
      }
    }
    return false;
  }
}
