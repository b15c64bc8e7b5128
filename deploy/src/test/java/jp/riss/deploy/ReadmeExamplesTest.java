package jp.riss.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without the stack: every README curl example says what it answers (so {@link ReadmeExamplesE2EIT}
 * can check it), and a curl that does not is found.
 */
class ReadmeExamplesTest {

  @Test
  void everyReadmeCurlIsFollowedByItsExpectation() {
    Path repo = App.repoRoot();
    List<String> unchecked = new ArrayList<>();
    int curls = 0;
    for (Path readme : ReadmeExamples.readmes(repo)) {
      for (ReadmeExamples.Block block : ReadmeExamples.blocks(readme)) {
        unchecked.addAll(ReadmeExamples.unchecked(block, repo));
        curls += (int) block.lines().stream().filter(l -> l.strip().startsWith("curl ")).count();
      }
    }
    assertTrue(unchecked.isEmpty(), String.join("\n", unchecked));
    assertTrue(curls > 10, "the READMEs' curl examples were not found: " + curls);
  }

  @Test
  void aCurlWithoutExpectationIsReported(@TempDir Path dir) throws IOException {
    Path readme = dir.resolve("README.md");
    Files.writeString(
        readme,
        """
        text
        ```sh
        curl -s http://127.0.0.1:8080/openapi
        # → 200 .contracts | length == 4
        curl -s http://127.0.0.1:8080/api/v1/guide/versions/current
        ```
        ```json
        curl in another language is not an example
        ```
        """);
    List<ReadmeExamples.Block> blocks = ReadmeExamples.blocks(readme);
    assertEquals(1, blocks.size());
    assertEquals(
        List.of("README.md:5 curl without a following '# → <status>' line"),
        ReadmeExamples.unchecked(blocks.get(0), dir));
    String script = ReadmeExamples.script(dir, readme, blocks);
    assertTrue(script.contains("__expect 'README.md:4' 200 '.contracts | length == 4'"), script);
  }
}
