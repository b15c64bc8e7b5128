package jp.riss.guide.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jp.riss.guide.web.CachedRead;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Preconditions;

/** Reading the guide: versions, Steps, elements, and the lists by kind of the current version. */
@ApplicationScoped
public class GuideReads {

  public static final String CURRENT = "current";
  public static final Pattern VERSION_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,38}[a-z0-9]");

  /** Published content never changes, so caches may keep it a while; link states do change. */
  static final int PUBLISHED_MAX_AGE = 300;

  @Inject GuideStore store;

  /** One Step and its elements in order. */
  public record StepView(int step, String name, List<ElementView> elements) {}

  /** A version's Steps (and nothing of the guide outside them). */
  public record StepsView(String version, String state, List<StepView> steps) {}

  /** A list of elements of one version. */
  public record ElementList(String version, List<ElementView> items) {}

  /** All versions, newest last. */
  public record VersionList(List<VersionView> items) {}

  @Transactional
  public CachedRead versions(Reader reader, String lang) {
    List<VersionView> items =
        store.all().stream()
            .filter(v -> reader.editor() || v.isPublic())
            .map(v -> VersionView.of(v, lang))
            .toList();
    return new CachedRead(
        new VersionList(items), null, reader.editor() ? 0 : 60, !reader.editor(), Set.of(lang));
  }

  @Transactional
  public CachedRead version(String code, Reader reader, String lang) {
    Version v = visible(code, reader);
    return new CachedRead(
        VersionView.of(v, lang),
        Preconditions.etag(v.revision()),
        maxAge(v),
        v.isPublic(),
        Set.of(lang));
  }

  @Transactional
  public CachedRead steps(String code, Integer onlyStep, Reader reader, String lang) {
    Version v = visible(code, reader);
    List<Element> elements = store.elements(v.code());
    List<StepView> steps = new ArrayList<>();
    Set<String> languages = new HashSet<>();
    for (int step = 1; step <= 4; step++) {
      if (onlyStep != null && onlyStep != step) {
        continue;
      }
      int s = step;
      List<ElementView> views =
          elements.stream()
              .filter(e -> e.step() != null && e.step() == s && !"case".equals(e.kind()))
              .map(e -> ElementView.of(e, lang))
              .toList();
      views.forEach(e -> languages.add(e.lang()));
      String name =
          views.stream()
              .filter(e -> "step-name".equals(e.kind()))
              .map(ElementView::title)
              .findFirst()
              .orElse(null);
      steps.add(new StepView(step, name, views));
    }
    Object body = onlyStep == null ? new StepsView(v.code(), v.state(), steps) : steps.get(0);
    return new CachedRead(body, null, maxAge(v), v.isPublic(), languages);
  }

  @Transactional
  public CachedRead element(String code, String key, Reader reader, String lang) {
    Version v = visible(code, reader);
    Element e =
        store
            .element(v.code(), key)
            .orElseThrow(
                () -> ProblemException.notFound("element " + key + " of version " + v.code()));
    ElementView view = ElementView.of(e, lang);
    // The element's revision is its ETag, so an editor can send it back in If-Match.
    return new CachedRead(
        view, Preconditions.etag(e.revision()), maxAge(v), v.isPublic(), Set.of(view.lang()));
  }

  /**
   * Elements of a version, optionally of some kinds and one Step; {@code code} null means the
   * current version.
   */
  @Transactional
  public CachedRead elements(
      String code, Set<String> kinds, Integer step, Reader reader, String lang) {
    Version v = code == null ? current() : visible(code, reader);
    List<ElementView> items =
        store.elements(v.code()).stream()
            .filter(e -> kinds.isEmpty() || kinds.contains(e.kind()))
            .filter(e -> step == null || (e.step() != null && e.step().equals(step)))
            .map(e -> ElementView.of(e, lang))
            .toList();
    Set<String> languages = new HashSet<>();
    items.forEach(e -> languages.add(e.lang()));
    return new CachedRead(
        new ElementList(v.code(), items), null, maxAge(v), v.isPublic(), languages);
  }

  Version current() {
    return store
        .current()
        .orElseThrow(() -> ProblemException.notFound("a published guide version"));
  }

  /** The version by code (or {@code current}), 404 when it does not exist for this reader. */
  public Version visible(String code, Reader reader) {
    if (CURRENT.equals(code)) {
      return current();
    }
    if (code == null || !VERSION_CODE.matcher(code).matches()) {
      throw ProblemException.badRequest(
          "version", "must be current or a version code of 3 to 40 characters a-z, 0-9 and -");
    }
    return store
        .version(code)
        .filter(v -> reader.editor() || v.isPublic())
        .orElseThrow(() -> ProblemException.notFound("guide version " + code));
  }

  private static int maxAge(Version v) {
    return v.isPublic() ? PUBLISHED_MAX_AGE : 0;
  }
}
