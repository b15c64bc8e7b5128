package jp.riss.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The request examples of the READMEs as scripts that check what they claim. A shell block ({@code
 * ```sh} or {@code ```bash}) with a {@code curl} command is an example meant to be run against the
 * local stack; every {@code curl} that starts a line (or a line {@code name=$(curl ...}) is
 * followed, before the next one, by its expectation: a comment {@code # → <status>} and optionally
 * a jq expression that must be true of the JSON body ({@code $headers} holds the response headers,
 * names in lower case), e.g. {@code # → 201 .status == "DRAFT"}. The blocks of one README run in
 * order in one bash session from the repository root, as a reader would paste them; each
 * expectation checks the last {@code curl} before it. Shell variables are exported, so an
 * expectation reads them as {@code env.id}.
 */
final class ReadmeExamples {

  private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*(\\w*)\\s*$");
  // A curl that starts a line, also when its answer is kept: id=$(curl ... | jq -r .id)
  private static final Pattern CURL = Pattern.compile("^\\s*(?:\\w+=\\$\\()?curl\\s.*");
  static final Pattern EXPECTATION = Pattern.compile("^\\s*# → ([1-5][0-9]{2})(?:\\s+(.+?))?\\s*$");

  /** A shell block with at least one curl, by the README line it starts on. */
  record Block(Path readme, int firstLine, List<String> lines) {}

  private ReadmeExamples() {}

  /** The READMEs of the repository: the root's, each module's and each benchmark's. */
  static List<Path> readmes(Path repo) {
    try (Stream<Path> files = Files.walk(repo, 3)) {
      return files
          .filter(f -> f.getFileName().toString().equals("README.md"))
          .filter(
              f -> {
                String relative = repo.relativize(f).toString();
                return !relative.startsWith(".")
                    && !relative.contains("node_modules")
                    && !relative.contains("target/");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Block> blocks(Path readme) {
    List<String> lines;
    try {
      lines = Files.readAllLines(readme);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Block> blocks = new ArrayList<>();
    List<String> current = null;
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      Matcher fence = FENCE.matcher(lines.get(i));
      if (current == null && fence.matches()) {
        String language = fence.group(1);
        if (language.equals("sh") || language.equals("bash")) {
          current = new ArrayList<>();
          start = i + 2; // 1-based number of the block's first line
        } else {
          // a block of another language: skip to its end
          for (i++; i < lines.size() && !FENCE.matcher(lines.get(i)).matches(); i++) {}
        }
      } else if (current != null && fence.matches()) {
        if (current.stream().anyMatch(l -> CURL.matcher(l).matches())) {
          blocks.add(new Block(readme, start, current));
        }
        current = null;
      } else if (current != null) {
        current.add(lines.get(i));
      }
    }
    return blocks;
  }

  /** Where a curl is not followed by its expectation, or an expectation follows no curl. */
  static List<String> unchecked(Block block, Path repo) {
    List<String> problems = new ArrayList<>();
    Integer open = null;
    for (int i = 0; i < block.lines().size(); i++) {
      String line = block.lines().get(i);
      int number = block.firstLine() + i;
      if (CURL.matcher(line).matches()) {
        if (open != null) {
          problems.add(where(block, repo, open) + " curl without a following '# → <status>' line");
        }
        open = number;
      } else if (EXPECTATION.matcher(line).matches()) {
        if (open == null) {
          problems.add(where(block, repo, number) + " expectation without a curl before it");
        }
        open = null;
      }
    }
    if (open != null) {
      problems.add(where(block, repo, open) + " curl without a following '# → <status>' line");
    }
    return problems;
  }

  /** The README's blocks as one bash script whose expectation lines check the answers. */
  static String script(Path repo, Path readme, List<Block> blocks) {
    StringBuilder script = new StringBuilder(PRELUDE);
    for (Block block : blocks) {
      for (int i = 0; i < block.lines().size(); i++) {
        String line = block.lines().get(i);
        Matcher expectation = EXPECTATION.matcher(line);
        if (expectation.matches()) {
          script
              .append("__expect ")
              .append(quote(where(block, repo, block.firstLine() + i)))
              .append(' ')
              .append(expectation.group(1));
          if (expectation.group(2) != null) {
            script.append(' ').append(quote(expectation.group(2)));
          }
          script.append('\n');
        } else {
          script.append(line).append('\n');
        }
      }
    }
    return script
        .append("echo \"all expectations of ")
        .append(repo.relativize(readme))
        .append(" met\"\n")
        .toString();
  }

  private static String where(Block block, Path repo, int line) {
    return repo.relativize(block.readme()) + ":" + line;
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /**
   * curl keeps its output and answers as usual, and leaves status, headers and body of its last
   * call where {@code __expect} reads them (files, so a curl inside {@code $(...)} is seen too).
   */
  private static final String PRELUDE =
      """
      set -euo pipefail -o allexport
      __last=$(mktemp -d)
      trap 'rm -rf "$__last"' EXIT
      curl() {
        local status
        status=$(command curl -sS -D "$__last/headers" -o "$__last/body" -w '%{http_code}' "$@")
        printf '%s' "$status" >"$__last/status"
        cat "$__last/body"
      }
      __expect() {
        local where=$1 want=$2 got
        got=$(cat "$__last/status")
        echo
        if [[ "$got" != "$want" ]]; then
          echo "FAILED $where: expected $want, got $got:"; cat "$__last/body"; echo; exit 1
        fi
        if [[ $# -gt 2 ]]; then
          local headers
          headers=$(tr -d '\\r' <"$__last/headers" | awk 'index($0, ": ") > 0 {
              print tolower(substr($0, 1, index($0, ": ") - 1)) "\\t" substr($0, index($0, ": ") + 2) }' \\
            | jq -Rn '[inputs | split("\\t") | {(.[0]): .[1]}] | add // {}')
          if ! { [[ -s "$__last/body" ]] && cat "$__last/body" || echo null; } \\
              | jq -e --argjson headers "$headers" "$3" >/dev/null; then
            echo "FAILED $where: $want as expected, but not: $3"; cat "$__last/body"; echo; exit 1
          fi
        fi
        echo "ok $where $want${3:+ $3}"
      }
      """;
}
