package jp.riss.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The backstop behind the control-character checks: PostgreSQL refusing the bytes of a string (NUL,
 * an encoding it cannot store) is the client's input at fault, a 400, never a 500.
 */
class StoredTextTest {

  @Test
  void nulAndUntranslatableTextAreRecognisedThroughTheWrappers() {
    SQLException nul =
        new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
    assertTrue(StoredText.refusedBy(new PersistenceException("flush", nul)));
    SQLException untranslatable = new SQLException("unsupported Unicode escape", "22P05");
    assertTrue(
        StoredText.refusedBy(
            new RuntimeException(new PersistenceException("commit", untranslatable))));
    SQLException batch = new SQLException("batch failed", "XX000");
    batch.setNextException(nul);
    assertTrue(StoredText.refusedBy(batch));
  }

  @Test
  void otherDatabaseFailuresStayInternal() {
    assertFalse(StoredText.refusedBy(new SQLException("connection refused", "08001")));
    assertFalse(StoredText.refusedBy(new SQLException("unique violation", "23505")));
    assertFalse(StoredText.refusedBy(new IllegalStateException("no SQL at all")));
  }
}
