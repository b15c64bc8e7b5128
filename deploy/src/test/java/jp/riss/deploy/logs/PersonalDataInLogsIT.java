package jp.riss.deploy.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.riss.platform.testing.RepoPaths;
import org.junit.jupiter.api.Test;

/**
 * No personal data in the logs of a full test run: every log the suite's processes wrote — each
 * module's test log ({@code <module>/target/quarkus-test.log}, written by the test profile) and the
 * local stack's ({@code .local/logs/*.log}, from the end-to-end tests) — is scanned for the demo
 * people's e-mail addresses, names, phone numbers and dates of birth, and for bearer tokens.
 *
 * <p>Runs after the end-to-end tests, in the deploy module's post-integration-test phase (its own
 * failsafe execution), so the stack's logs are complete. It must not pass for want of logs: a
 * Quarkus app module whose tests ran ({@code target/surefire-reports} exists) must have left its
 * test log, and when the end-to-end tests ran in this build ({@code deploy/target/e2e-up.log}) the
 * stack's logs must be there. A {@code -pl deploy} run therefore checks the stack's logs and any
 * module logs left by an earlier build; with {@code -DskipITs} it does not run at all. The deploy
 * module's own {@code target/*.log} are left out: they are transcripts of the test driver (the
 * requests it sent and the answers), not logs of the suite.
 */
class PersonalDataInLogsIT {

  private static final Path ROOT = RepoPaths.root();

  @Test
  void theLogsOfTheRunHoldNoPersonalData() throws IOException {
    PersonalDataScan scan =
        new PersonalDataScan(DemoPeople.read(ROOT.resolve("deploy/local/demo")));
    List<Path> logs = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Path module : modules()) {
      List<Path> own = logsIn(module.resolve("target"));
      logs.addAll(own);
      boolean quarkusApp =
          Files.exists(module.resolve("src/main/resources/application.properties"));
      boolean testsRan = Files.isDirectory(module.resolve("target/surefire-reports"));
      if (quarkusApp && testsRan && !Files.exists(module.resolve("target/quarkus-test.log"))) {
        missing.add(ROOT.relativize(module) + "/target/quarkus-test.log");
      }
    }
    List<Path> stack = logsIn(ROOT.resolve(".local/logs"));
    logs.addAll(stack);
    if (Files.exists(ROOT.resolve("deploy/target/e2e-up.log")) && stack.isEmpty()) {
      missing.add(".local/logs/*.log (the end-to-end tests ran)");
    }
    assertEquals(List.of(), missing, "logs that should have been written");
    assertTrue(!logs.isEmpty(), "no log files found to scan");

    List<String> found = new ArrayList<>();
    for (Path log : logs) {
      scan.scan(log).forEach(f -> found.add(f.toString()));
    }
    System.out.printf("[PersonalDataInLogsIT] scanned %d log files%n", logs.size());
    assertEquals(List.of(), found, "personal data in logs (file:line: kind)");
  }

  /** Every module directory of the build except deploy (see the class comment). */
  private static List<Path> modules() throws IOException {
    try (Stream<Path> poms = Files.walk(ROOT, 3)) {
      return poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
          .map(Path::getParent)
          .filter(dir -> !dir.equals(ROOT) && !dir.equals(ROOT.resolve("deploy")))
          .filter(dir -> !ROOT.relativize(dir).toString().startsWith("."))
          .filter(dir -> !ROOT.relativize(dir).toString().contains("target"))
          .sorted()
          .toList();
    }
  }

  private static List<Path> logsIn(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches(".*\\.log(\\.\\d+)?"))
          .sorted()
          .toList();
    }
  }
}
