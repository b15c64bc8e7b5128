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
  }

  @Test
  void failingStatementsAndOtherErrorsAreNotUnavailability() {
    assertFalse(DatabaseUnavailable.causedBy(new SQLException("unique violation", "23505")));
    assertFalse(DatabaseUnavailable.causedBy(new SQLException("syntax error", "42601")));
    assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("no SQL at all")));
  }
}
