package jp.riss.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * A drained connection pool or an unreachable database is a moment's unavailability the client may
 * retry (503), never an internal error (500); a failing statement stays internal.
 */
class DatabaseUnavailableTest {

  @Test
  void aDrainedPoolOrALostDatabaseIsRecognisedThroughTheWrappers() {
    SQLException drained =
        new SQLException(
            "Acquisition timeout while waiting for new connection", new RuntimeException());
    assertTrue(
        DatabaseUnavailable.causedBy(
            new PersistenceException("Unable to acquire JDBC Connection", drained)));
    assertTrue(
        DatabaseUnavailable.causedBy(
            new RuntimeException(new SQLException("Connection refused", "08001"))));
    assertTrue(DatabaseUnavailable.causedBy(new SQLTransientConnectionException("pool closed")));
    // A restarting PostgreSQL: first it terminates sessions, then refuses new ones while starting.
    assertTrue(
        DatabaseUnavailable.causedBy(
            new PersistenceException(
                new SQLException("terminating connection due to administrator command", "57P01"))));
    assertTrue(
        DatabaseUnavailable.causedBy(
            new SQLException("FATAL: the database system is starting up", "57P03")));
  }

  @Test
  void failingStatementsAndOtherErrorsAreNotUnavailability() {
    assertFalse(DatabaseUnavailable.causedBy(new SQLException("unique violation", "23505")));
    assertFalse(DatabaseUnavailable.causedBy(new SQLException("syntax error", "42601")));
    assertFalse(DatabaseUnavailable.causedBy(new SQLException("canceling statement", "57014")));
    assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("no SQL at all")));
  }
}
