package jp.riss.gateway;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The shared buckets in the gateway's PostgreSQL database: one atomic statement per lease ({@code
 * rate_limit_lease}, V1 migration), one per cleanup. Every method blocks: callers run them on
 * worker threads, never on an event loop.
 *
 * <p>Plain JDBC through Quarkus' Agroal pool, the one data-access style of the gateway: Flyway
 * needs JDBC anyway, and a lease is one function call, so neither an ORM nor a second (reactive)
 * client would earn its start-up time. The schema is migrated when the store is first reached, not
 * at start-up: the gateway starts, and serves with per-replica buckets, while its database is down.
 */
@ApplicationScoped
public class RateLimitStore implements SharedRateLimiter.Store {

  private final Instance<AgroalDataSource> dataSource;
  private final Instance<Flyway> flyway;
  private volatile boolean migrated;

  RateLimitStore(Instance<AgroalDataSource> dataSource, Instance<Flyway> flyway) {
    this.dataSource = dataSource;
    this.flyway = flyway;
  }

  @Override
  public SharedRateLimiter.Grant lease(String client, int want, RateLimitPolicy policy)
      throws SQLException {
    long interval = micros(policy.intervalNanos());
    try (Connection connection = connection();
        PreparedStatement lease =
            connection.prepareStatement(
                "SELECT leased, debt_us FROM rate_limit_lease(?, ?, ?, ?)")) {
      lease.setBytes(1, key(client));
      lease.setInt(2, want);
      lease.setLong(3, interval);
      lease.setLong(4, interval * policy.burst());
      try (ResultSet row = lease.executeQuery()) {
        row.next();
        return new SharedRateLimiter.Grant(row.getInt(1), row.getLong(2) * 1_000L);
      }
    }
  }

  /** Reaches the database (migrating its schema the first time); throws while it cannot. */
  @Override
  public void check() throws SQLException {
    try (Connection connection = connection();
        Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
    }
  }

  /**
   * Closes the pooled connections: after a database restart or a cut they are dead, and the next
   * lease would fail on one of them again instead of connecting afresh.
   */
  @Override
  public void outage() {
    try {
      dataSource.get().flush(AgroalDataSource.FlushMode.ALL);
    } catch (RuntimeException e) {
      // Nothing to flush, or the pool is already closing: the next lease connects afresh anyway.
    }
  }

  /**
   * Deletes the rows of buckets that have filled up again. Such a row means exactly what no row
   * means (a full bucket), so no client gains or loses anything. A lease racing with it either
   * happens first (the bucket is no longer full and the row stays: PostgreSQL re-checks the
   * condition on the locked row) or after (it starts a new, full bucket).
   */
  public int deleteFullBuckets() throws SQLException {
    try (Connection connection = connection();
        Statement delete = connection.createStatement()) {
      return delete.executeUpdate(
          "DELETE FROM rate_limit_bucket"
              + " WHERE full_at_us <= (extract(epoch FROM clock_timestamp()) * 1000000)::bigint");
    }
  }

  private Connection connection() throws SQLException {
    if (!migrated) {
      migrate();
    }
    return dataSource.get().getConnection();
  }

  private synchronized void migrate() {
    if (!migrated) {
      flyway.get().migrate();
      migrated = true;
    }
  }

  /** Whole microseconds, at least one: the database does its arithmetic in them. */
  private static long micros(long nanos) {
    return Math.max(1L, Math.round(nanos / 1_000d));
  }

  /** The client key as stored: its SHA-256, so no subject or address is kept in clear. */
  static byte[] key(String client) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(client.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
