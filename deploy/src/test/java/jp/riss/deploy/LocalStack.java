package jp.riss.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The local stack (deploy/local/up ... deploy/local/down) shared by every end-to-end IT of this
 * module: started by the first class that needs it and stopped once, after the last one, so the
 * suites don't each pay for (and fight over the fixed ports of) their own start.
 */
final class LocalStack implements BeforeAllCallback {

  static final String GATEWAY = "http://127.0.0.1:8080";

  private static Path repo;
  private static Path target;

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(LocalStack.class.getName(), key -> start(), Running.class);
  }

  /** Stopped when the root context closes: after every test class of the run. */
  private static final class Running implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws Exception {
      run(
          "down",
          List.of(repo.resolve("deploy/local/down").toString()),
          target.resolve("e2e-down.log"),
          2);
    }
  }

  private static Running start() {
    try {
      repo = App.repoRoot();
      target = repo.resolve("deploy/target");
      Files.createDirectories(target);
      run(
          "up",
          List.of(repo.resolve("deploy/local/up").toString()),
          target.resolve("e2e-up.log"),
          15);
      RestAssured.baseURI = GATEWAY;
      RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
      return new Running();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Path repo() {
    return repo;
  }

  /** A token as a developer gets one: from deploy/local/token. */
  static String token(String role, String subject) {
    try {
      Process process =
          new ProcessBuilder(repo.resolve("deploy/local/token").toString(), role, subject)
              .directory(repo.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        fail("deploy/local/token " + role + " " + subject + " failed");
      }
      String token = out.strip();
      assertTrue(token.matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+"), "a JWT: " + token);
      return token;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void run(String what, List<String> command, Path log, int timeoutMinutes)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = process.waitFor(timeoutMinutes, TimeUnit.MINUTES);
    if (!finished) {
      process.destroy();
      fail("deploy/local/" + what + " did not finish in " + timeoutMinutes + " min\n" + tail(log));
    }
    if (process.exitValue() != 0) {
      fail("deploy/local/" + what + " exited " + process.exitValue() + "\n" + tail(log));
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
