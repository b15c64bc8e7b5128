package jp.riss.guide.content;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.riss.platform.problem.Problem;

/**
 * The guide's content as shipped: {@code guide/versions/index.json} names the versions, each folder
 * holds its element files, {@code guide/resources.json} the cited addresses. Files are read
 * strictly (an unknown field or a broken element stops the import with the file and key named), so
 * a typo never reaches readers.
 */
public final class ContentFiles {

  static final String BASE = "guide/";
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** One version as the index lists it. */
  public record VersionFile(
      String code,
      Map<String, String> title,
      String state,
      OffsetDateTime publishedAt,
      List<String> files) {}

  record Index(String about, List<VersionFile> versions) {}

  /** One cited address as {@code resources.json} lists it. */
  public record ResourceFile(
      int number,
      Integer footnote,
      Map<String, String> label,
      String publisher,
      String kind,
      List<Integer> steps,
      Integer citedLine,
      Integer urlLine,
      String url) {}

  record Resources(String about, List<ResourceFile> resources) {}

  private ContentFiles() {}

  public static List<VersionFile> versions() {
    return read("versions/index.json", Index.class).versions();
  }

  /**
   * A version's elements in file order, each with its order set, checked by {@link ElementRules}.
   */
  public static List<ElementData> elements(VersionFile version) {
    List<ElementData> all = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    int order = 0;
    for (String name : version.files()) {
      ElementData.File file =
          read("versions/" + version.code() + "/" + name, ElementData.File.class);
      for (ElementData e : file.elements()) {
        order++;
        ElementData placed =
            new ElementData(
                e.key(),
                e.kind(),
                e.step(),
                e.parent(),
                e.seedLine(),
                e.inHouseOnly(),
                e.attrs(),
                e.ja(),
                e.en() == null ? new Element.EnText("missing", null, null) : e.en(),
                order);
        List<Problem.Violation> violations = ElementRules.check(placed);
        if (!violations.isEmpty()) {
          throw new IllegalStateException(
              "guide content " + version.code() + "/" + name + " " + e.key() + ": " + violations);
        }
        if (!keys.add(e.key())) {
          throw new IllegalStateException(
              "guide content " + version.code() + "/" + name + ": duplicate key " + e.key());
        }
        all.add(placed);
      }
    }
    for (ElementData e : all) {
      if (e.parent() != null && !keys.contains(e.parent())) {
        throw new IllegalStateException(
            "guide content "
                + version.code()
                + ": "
                + e.key()
                + " names unknown parent "
                + e.parent());
      }
    }
    return all;
  }

  public static List<ResourceFile> resources() {
    return read("resources.json", Resources.class).resources();
  }

  private static <T> T read(String name, Class<T> type) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("missing content file " + BASE + name);
      }
      return JSON.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read content file " + BASE + name, e);
    }
  }
}
