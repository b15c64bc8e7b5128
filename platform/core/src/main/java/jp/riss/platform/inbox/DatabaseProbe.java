package jp.riss.platform.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Whether the service's database answers right now. A handler failing while it does not (a restart,
 * a network cut) says nothing about the event, so such failures must not count towards parking it
 * on the dead-letter topic.
 */
@ApplicationScoped
public class DatabaseProbe {

  private static final int TIMEOUT_SECONDS = 2;

  @Inject AgroalDataSource dataSource;

  public boolean answers() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(TIMEOUT_SECONDS);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }
}
