package jp.riss.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The machine's real PostgreSQL for a service's tests: starts the cluster if it is down and creates
 * the service's test database and role (idempotently, with the same script the local stack uses).
 * Each run starts from an empty schema: Flyway cleans, then migrates.
 *
 * <p>Init arg {@code database}: the database and role name, e.g. {@code activelist_test}. The
 * environment variable {@code RISS_TEST_DB_SUFFIX}, when set, is appended to it so that two
 * checkouts of the repository can run their tests on one machine at the same time without sharing
 * (and cleaning) each other's schema.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

  private String database;

  @Override
  public void init(Map<String, String> initArgs) {
    database =
        initArgs.getOrDefault("database", "riss_test")
            + System.getenv().getOrDefault("RISS_TEST_DB_SUFFIX", "");
  }

  @Override
  public Map<String, String> start() {
    ensure(database);
    return Map.of(
        "quarkus.datasource.jdbc.url",
        jdbcUrl(database),
        "quarkus.datasource.username",
        database,
        "quarkus.datasource.password",
        database,
        "quarkus.flyway.clean-disabled",
        "false",
        "quarkus.flyway.clean-at-start",
        "true");
  }

  @Override
  public void stop() {}

  public static String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:5432/" + database;
  }

  /** Runs deploy/local/pg-ensure for a database whose role and password equal its name. */
  public static void ensure(String database) {
    ProcessBuilder pb =
        new ProcessBuilder(
                "bash",
                RepoPaths.root().resolve("deploy/local/pg-ensure").toString(),
                database,
                database,
                database)
            .redirectErrorStream(true);
    try {
      Process process = pb.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("pg-ensure " + database + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run pg-ensure", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
