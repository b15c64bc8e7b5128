package jp.riss.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs SQL as the machine's PostgreSQL superuser, the way deploy/local/pg-ensure does (runuser as
 * root, else sudo): for tests that take the gateway's own database access away and give it back.
 */
final class Superuser {

  private Superuser() {}

  static String sql(String statement) {
    List<String> psql =
        List.of("psql", "-qAt", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-c", statement);
    List<String> command =
        new java.util.ArrayList<>(
            "root".equals(System.getProperty("user.name"))
                ? List.of("runuser", "-u", "postgres", "--")
                : List.of("sudo", "-n", "-u", "postgres"));
    command.addAll(psql);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("psql failed: " + statement + "\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run psql", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
