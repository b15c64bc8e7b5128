package jp.riss.deploy.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.riss.platform.testing.RepoPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prometheus itself checks the rules ({@code promtool check rules}) and runs their unit tests
 * ({@code riss-alerts.test.yaml}). promtool comes from PATH or, on Debian, is unpacked from the
 * prometheus package by {@code deploy/observability/find-promtool} (a 19 MB download, once); where
 * neither works these two tests are skipped with the reason, and OperatorQueriesTest still checks
 * the rules' metric names.
 */
class PromtoolRulesTest {

  private static final Path DIR = RepoPaths.root().resolve("deploy/observability/prometheus");
  private static String promtool;
  private static String whyNot;

  @BeforeAll
  static void findPromtool() throws Exception {
    Process find =
        new ProcessBuilder(
                RepoPaths.root().resolve("deploy/observability/find-promtool").toString())
            .start();
    boolean done = find.waitFor(180, TimeUnit.SECONDS);
    String out = new String(find.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    String err = new String(find.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (done && find.exitValue() == 0) {
      promtool = out;
    } else {
      whyNot = "promtool not available, rules not checked by Prometheus: " + err;
      System.out.println("[PromtoolRulesTest] " + whyNot);
    }
  }

  @Test
  void theRulesAreValidForPrometheus() throws Exception {
    assumeTrue(promtool != null, () -> whyNot);
    assertEquals("", run(promtool, "check", "rules", "riss-alerts.yaml"));
  }

  @Test
  void theAlertsFireAsTheirUnitTestsExpect() throws Exception {
    assumeTrue(promtool != null, () -> whyNot);
    assertEquals("", run(promtool, "test", "rules", "riss-alerts.test.yaml"));
  }

  /** "" when promtool succeeds, its output otherwise. */
  private static String run(String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(List.of(command))
            .directory(DIR.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return process.waitFor() == 0 ? "" : output;
  }
}
