package jp.riss.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every request example of the READMEs, run with bash against the local stack exactly as written
 * (tokens from deploy/local/token, as the READMEs show), must answer as its {@code # →} line says
 * ({@link ReadmeExamples}). One dynamic test per README; its output is kept in {@code
 * deploy/target/readme-examples-<readme>.log}.
 */
@ExtendWith(LocalStack.class)
class ReadmeExamplesE2EIT {

  @TestFactory
  Stream<DynamicTest> everyReadmeExampleAnswersAsItsReadmeSays() {
    Path repo = LocalStack.repo();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path readme : ReadmeExamples.readmes(repo)) {
      List<ReadmeExamples.Block> blocks = ReadmeExamples.blocks(readme);
      if (!blocks.isEmpty()) {
        String name = repo.relativize(readme).toString();
        tests.add(DynamicTest.dynamicTest(name, () -> run(repo, readme, blocks)));
      }
    }
    assertFalse(tests.isEmpty(), "no README has a curl example");
    return tests.stream();
  }

  private static void run(Path repo, Path readme, List<ReadmeExamples.Block> blocks)
      throws IOException, InterruptedException {
    List<String> unchecked = new ArrayList<>();
    blocks.forEach(block -> unchecked.addAll(ReadmeExamples.unchecked(block, repo)));
    assertTrue(unchecked.isEmpty(), String.join("\n", unchecked));
    String name = repo.relativize(readme).toString().replace('/', '-');
    Path log = repo.resolve("deploy/target/readme-examples-" + name + ".log");
    Process bash =
        new ProcessBuilder("bash", "-c", ReadmeExamples.script(repo, readme, blocks))
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!bash.waitFor(5, TimeUnit.MINUTES)) {
      bash.destroyForcibly();
      fail(readme + ": examples did not finish in 5 min\n" + Files.readString(log));
    }
    String output = Files.readString(log);
    assertEquals(0, bash.exitValue(), readme + ": an example did not answer as written\n" + output);
  }
}
