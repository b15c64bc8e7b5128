package jp.riss.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Repository-wide rules that no single module can check on its own (issue 15 §6, "one way per
 * thing"): each event schema lives in one module only, the producer's, and consumers' tests read
 * that very file; no source points at design documents outside the repository; and no main class
 * grows past a size that one job needs.
 */
class OneWayPerThingTest {

  /** The modules with application code and resources (platform modules included). */
  private static final List<String> MODULES =
      List.of(
          "platform/core",
          "platform/http",
          "platform/testing",
          "active-list-service",
          "deemed-attendance-service",
          "camp-community-service",
          "practical-guide-service",
          "gateway");

  /**
   * A class with one job fits in 400 lines in this code base: the services' feature classes that do
   * one thing (a lifecycle, a search, an import) stay well under it, and a class above it has so
   * far always turned out to hold two or more jobs (queries and views, several workflows). The
   * bound is on physical lines, comments included, since long comments also signal a class that
   * explains several things.
   */
  static final int MAX_MAIN_CLASS_LINES = 400;

  /**
   * Classes above the bound today, each still to be split by job; each entry is checked to still
   * exceed the bound, so the list can only shrink.
   */
  static final Set<String> TO_SPLIT = Set.of();

  /** Names of design documents kept outside the repository, and paths that lead there. */
  private static final Pattern OUTSIDE_DESIGN =
      Pattern.compile("\\.\\./shared|\\b(ARCHITECTURE|DOMAIN|STYLE|RUNTIME)\\.md\\b");

  /**
   * Applied Flyway migrations whose comments still name such a document: a migration is immutable
   * once applied (Flyway refuses a changed checksum), so what those comments relied on is in {@code
   * docs/reference-data.md} instead.
   */
  static final Set<String> FROZEN_MIGRATIONS =
      Set.of(
          "active-list-service/src/main/resources/db/migration/V20__matching_reference_data.sql",
          "deemed-attendance-service/src/main/resources/db/migration/V1__syllabus.sql",
          "camp-community-service/src/main/resources/db/migration/V1__programmes.sql");

  private final Path repo = App.repoRoot();

  @Test
  void eachEventSchemaIsCheckedInOnceBesideItsProducer() {
    Map<String, Set<String>> modulesBySchema = new TreeMap<>();
    for (String module : MODULES) {
      for (Path file : files(module + "/src")) {
        String name = file.getFileName().toString();
        if (name.endsWith(".schema.json") && file.getParent().endsWith("events")) {
          modulesBySchema.computeIfAbsent(name, n -> new TreeSet<>()).add(module);
        }
      }
    }
    Map<String, Set<String>> copied = new TreeMap<>();
    modulesBySchema.forEach(
        (schema, modules) -> {
          if (modules.size() > 1) {
            copied.put(schema, modules);
          }
        });
    assertEquals(
        Map.of(),
        copied,
        "an event schema in more than one module: keep the producer's, and let the consumer's"
            + " tests read it (a testResource pointing at the producer's events/ folder)");
  }

  @Test
  void nothingPointsAtDesignDocumentsOutsideTheRepository() {
    Set<String> found = new TreeSet<>();
    List<Path> roots =
        Stream.concat(MODULES.stream(), Stream.of("deploy", "bench", "docs"))
            .map(repo::resolve)
            .toList();
    for (Path root : roots) {
      for (Path file : files(repo.relativize(root).toString())) {
        String relative = repo.relativize(file).toString();
        if (relative.contains("/target/") || FROZEN_MIGRATIONS.contains(relative)) {
          continue;
        }
        if (!relative.matches(".*\\.(java|sql|properties|ya?ml|md|json|xml|sh|txt)$")
            && !relative.endsWith("/run")) {
          continue;
        }
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (OUTSIDE_DESIGN.matcher(lines.get(i)).find()) {
            found.add(relative + ":" + (i + 1));
          }
        }
      }
    }
    List<String> readme = lines(repo.resolve("README.md"));
    for (int i = 0; i < readme.size(); i++) {
      if (OUTSIDE_DESIGN.matcher(readme.get(i)).find()) {
        found.add("README.md:" + (i + 1));
      }
    }
    assertEquals(
        Set.of(),
        found,
        "say what the code relies on in the repository's own words (docs/), not by pointing at"
            + " documents outside it");
  }

  @Test
  void mainClassesStayWithinTheBoundOfOneJob() {
    Set<String> over = new TreeSet<>();
    Set<String> split = new TreeSet<>(TO_SPLIT);
    for (String module : MODULES) {
      for (Path file : files(module + "/src/main/java")) {
        if (!file.toString().endsWith(".java")) {
          continue;
        }
        String relative = repo.relativize(file).toString();
        int size = lines(file).size();
        if (size > MAX_MAIN_CLASS_LINES) {
          if (!split.remove(relative)) {
            over.add(relative + " (" + size + " lines)");
          }
        }
      }
    }
    assertEquals(
        Set.of(), over, "split by job whatever grows past " + MAX_MAIN_CLASS_LINES + " lines");
    assertEquals(
        Set.of(), split, "split already (or gone): take these off TO_SPLIT so they stay small");
  }

  private List<Path> files(String relativeDir) {
    Path dir = repo.resolve(relativeDir);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }
}
