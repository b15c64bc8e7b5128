package jp.riss.guide.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import jp.riss.guide.web.CachedRead;
import jp.riss.platform.problem.ProblemException;

/**
 * Full-text search over the current version, in Japanese and English at once. Texts and the query
 * are NFKC-normalised and lower-cased (full-width and half-width forms match); every word of the
 * query must occur, in the Japanese or in the English text of an element. Matching is by substring,
 * so a short Japanese term of one or two characters works as well as a long one: a version has a
 * few hundred elements, scanned in memory from an index built once per published version (which
 * never changes).
 */
@ApplicationScoped
public class GuideSearch {

  public static final int QUERY_MAX = 100;
  public static final int LIMIT_MAX = 50;

  @Inject GuideStore store;
  @Inject GuideReads reads;

  private final AtomicReference<Index> index = new AtomicReference<>();

  private record Doc(Element element, String jaTitle, String ja, String enTitle, String en) {}

  private record Index(String version, List<Doc> docs) {}

  /** One hit: the element in the reader's language and where the words were found. */
  public record Hit(ElementView element, List<String> matchedIn) {}

  /** A page of hits, best first. */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record Hits(String version, String query, int total, List<Hit> items, String next) {}

  /** Where the next page starts (the cursor's content). */
  public record Position(int offset) {}

  @Transactional
  public CachedRead search(
      String q,
      Integer step,
      int limit,
      Position after,
      String lang,
      java.util.function.Function<Position, String> linkTo) {
    int offset = after == null ? 0 : Math.max(0, after.offset());
    if (q == null || q.isBlank()) {
      throw ProblemException.badRequest("q", "is required");
    }
    if (q.length() > QUERY_MAX || q.indexOf('\u0000') >= 0) {
      throw ProblemException.badRequest("q", "must be at most " + QUERY_MAX + " characters");
    }
    String phrase = normalise(q).strip();
    String[] words = phrase.split("\\s+");
    Index current = current();
    record Scored(Doc doc, int score, List<String> where) {}
    List<Scored> scored = new ArrayList<>();
    for (Doc d : current.docs()) {
      if (step != null && !step.equals(d.element().step())) {
        continue;
      }
      List<String> where = new ArrayList<>();
      if (containsAll(d.ja(), words)) {
        where.add(Language.JA);
      }
      if (containsAll(d.en(), words)) {
        where.add(Language.EN);
      }
      if (where.isEmpty()) {
        continue;
      }
      // Whole phrase in a title first, then all words in a title, then the rest; ties keep
      // the guide's own order.
      int score =
          d.jaTitle().contains(phrase) || d.enTitle().contains(phrase)
              ? 0
              : containsAll(d.jaTitle(), words) || containsAll(d.enTitle(), words) ? 1 : 2;
      scored.add(new Scored(d, score, where));
    }
    scored.sort(Comparator.comparingInt(Scored::score));
    Set<String> languages = new HashSet<>();
    List<Hit> page =
        scored.stream()
            .skip(offset)
            .limit(limit)
            .map(s -> new Hit(ElementView.of(s.doc().element(), lang), s.where()))
            .peek(h -> languages.add(h.element().lang()))
            .toList();
    String next =
        offset + limit < scored.size() ? linkTo.apply(new Position(offset + limit)) : null;
    return new CachedRead(
        new Hits(current.version(), q, scored.size(), page, next),
        null,
        GuideReads.PUBLISHED_MAX_AGE,
        true,
        languages.isEmpty() ? Set.of(lang) : languages);
  }

  private Index current() {
    Version v = reads.current();
    Index cached = index.get();
    if (cached != null && cached.version().equals(v.code())) {
      return cached;
    }
    List<Doc> docs =
        store.elements(v.code()).stream()
            .map(
                e ->
                    new Doc(
                        e,
                        normalise(e.ja().title()),
                        normalise(e.ja().title()) + " " + normalise(e.ja().text()),
                        e.en().present() ? normalise(e.en().title()) : "",
                        e.en().present()
                            ? normalise(e.en().title()) + " " + normalise(e.en().text())
                            : ""))
            .toList();
    Index built = new Index(v.code(), docs);
    index.set(built);
    return built;
  }

  private static boolean containsAll(String text, String[] words) {
    if (text.isEmpty()) {
      return false;
    }
    for (String w : words) {
      if (!text.contains(w)) {
        return false;
      }
    }
    return true;
  }

  static String normalise(String text) {
    return text == null
        ? ""
        : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }
}
