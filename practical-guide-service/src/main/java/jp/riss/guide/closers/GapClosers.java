package jp.riss.guide.closers;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.riss.guide.content.Element;
import jp.riss.guide.content.ElementView;
import jp.riss.guide.content.GuideStore;
import jp.riss.guide.content.Version;
import jp.riss.guide.specialists.SpecialistCards;
import jp.riss.guide.web.CachedRead;
import jp.riss.platform.json.RenderedJson;
import jp.riss.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who can close a gap (rule 4): the Step's internal task, the guide's learning content and exam,
 * お助け隊 where the gap needs monitoring, on-site response or insurance, the consultation desk and
 * support bodies, communities, and registered specialists from the read model. Which elements stand
 * for which closer comes from {@link GapCloserMap} and the current guide version.
 *
 * <p>The one place that answers the question: the closers endpoint asks it for one gap, a diagnosis
 * for each of its gaps (with the organisation's prefecture and the diagnosis's seed).
 */
@ApplicationScoped
public class GapClosers {

  static final String INTERNAL_TASK = "internal-task";
  static final String SPECIALIST = "specialist";
  static final String OTASUKETAI = "otasuketai";

  @Inject GapCloserMap map;
  @Inject GapSources sources;
  @Inject GuideStore store;
  @Inject SpecialistCards specialists;
  @Inject ObjectMapper json;

  @ConfigProperty(name = "riss.guide.closers.specialists", defaultValue = "5")
  int specialistCount;

  /**
   * The guide version closers are taken from, its elements indexed by key, and the closers of each
   * gap as far as they follow from the version alone ({@link Shape}), kept as they are first asked
   * for.
   */
  public record Guide(
      Version version,
      List<Element> elements,
      Map<String, Element> byKey,
      Map<ShapeKey, Shape> shapes) {}

  /** What a gap's closers in one language depend on, besides the specialists. */
  record ShapeKey(Gap gap, String lang) {}

  /**
   * A gap's closers without its specialists: everything but them is a function of the guide
   * version, the gap and the language, so it is worked out once per version and language rather
   * than on every read (each gap of each diagnosis looked through every element of the guide for
   * each kind of closer). {@code specialistAt} is where the specialists go in {@code view}'s
   * closers, -1 when the gap needs none.
   */
  record Shape(
      GapClosersView view, int specialistAt, String specialistRole, Set<String> languages) {}

  /** One gap as the closers see it: its code, Step and the guide measures its item checks. */
  public record Gap(String code, int step, List<String> measureKeys) {}

  // A published version never changes, so its elements can be kept once read.
  private final Map<String, Guide> published = new ConcurrentHashMap<>();

  /** The closers endpoint: the gap must be one some instrument has, at that Step. */
  @Transactional
  public CachedRead closers(ClosersQuery q, String lang) {
    Gap gap = new Gap(q.gap(), q.step(), source(q).measureKeys());
    Set<String> languages = new HashSet<>();
    GapClosersView view = of(current(), gap, q.prefecture(), q.seed(), lang, languages);
    languages.add(lang);
    // The list of specialists changes with every listing event: revalidate each time (ETag).
    return new CachedRead(view, null, 0, true, languages);
  }

  /** The current guide version, read once per version. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Guide current() {
    String current =
        store
            .currentCode()
            .orElseThrow(() -> ProblemException.notFound("a published guide version"));
    return published.computeIfAbsent(
        current,
        code -> {
          Version version = store.version(code).orElseThrow();
          List<Element> elements = store.elements(code);
          return new Guide(
              version,
              elements,
              elements.stream().collect(Collectors.toMap(Element::key, Function.identity())),
              new ConcurrentHashMap<>());
        });
  }

  /**
   * Who closes {@code gap} for an organisation in {@code prefecture}; {@code seed} orders equal
   * specialists. Adds the languages of the texts to {@code languages}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public GapClosersView of(
      Guide guide, Gap gap, String prefecture, long seed, String lang, Set<String> languages) {
    Shape shape =
        guide.shapes().computeIfAbsent(new ShapeKey(gap, lang), k -> shape(guide, gap, lang));
    languages.addAll(shape.languages());
    GapClosersView view = shape.view();
    if (shape.specialistAt() < 0) {
      return view;
    }
    List<GapClosersView.Closer> closers = new ArrayList<>(view.closers());
    closers.set(
        shape.specialistAt(),
        new GapClosersView.Closer(
            SPECIALIST,
            shape.specialistRole(),
            null,
            null,
            specialists.match(view.gap().themes(), prefecture, seed, specialistCount)));
    return new GapClosersView(
        view.gap(), view.guideVersion(), view.outsiders(), view.outsidersNote(), closers);
  }

  private Shape shape(Guide guide, Gap gap, String lang) {
    Set<String> languages = new HashSet<>();
    Map<String, Element> byKey = guide.byKey();
    GapCloserMap.Entry entry = map.entry(gap.code());

    List<Element> measures = keyed(gap.measureKeys(), byKey);
    List<Element> tasks =
        entry.tasksOrNone().isEmpty()
            ? guide.elements().stream()
                .filter(e -> "task".equals(e.kind()) && Objects.equals(e.step(), gap.step()))
                .filter(e -> "internal".equals(e.attrs().side()))
                .toList()
            : keyed(entry.tasksOrNone(), byKey);
    boolean inHouseOnly =
        Stream.of(measures, tasks, keyed(entry.inHouseOnlyBecauseOrNone(), byKey))
            .flatMap(List::stream)
            .anyMatch(e -> inHouseOnly(byKey, e));
    String outsiderRole = inHouseOnly ? "adviser" : "adviser-or-provider";

    List<GapClosersView.Closer> closers = new ArrayList<>();
    int specialistAt = -1;
    String specialistRole = null;
    for (GapCloserMap.CloserKind kind : map.kinds()) {
      String role = GapCloserMap.BY_ORGANISATION.equals(kind.by()) ? "organisation" : outsiderRole;
      if (SPECIALIST.equals(kind.kind())) {
        if (!entry.themes().isEmpty()) {
          // Its place only: the specialists are matched on each read (of).
          specialistAt = closers.size();
          specialistRole = role;
          closers.add(new GapClosersView.Closer(kind.kind(), role, null, null, List.of()));
        }
        continue;
      }
      if (OTASUKETAI.equals(kind.kind()) && entry.needsOrNone().isEmpty()) {
        continue;
      }
      List<Element> items = new ArrayList<>();
      if (INTERNAL_TASK.equals(kind.kind())) {
        items.addAll(tasks);
      }
      for (Element e : guide.elements()) {
        boolean ofStep = Objects.equals(e.step(), gap.step());
        if (("people-measure".equals(e.kind())
                && ofStep
                && kind.peopleKindsOrNone().contains(e.attrs().peopleKind()))
            || ("support-offer".equals(e.kind())
                && kind.offerKindsOrNone().contains(e.attrs().offerKind()))) {
          items.add(e);
        }
      }
      if (!items.isEmpty()) {
        closers.add(
            new GapClosersView.Closer(
                kind.kind(),
                role,
                OTASUKETAI.equals(kind.kind()) ? entry.needsOrNone() : null,
                items(items, guide.version(), lang, languages),
                null));
      }
    }
    String outsiders = inHouseOnly ? GapCloserMap.ADVISERS_ONLY : GapCloserMap.MAY_HELP;
    GapClosersView view =
        new GapClosersView(
            new GapClosersView.Gap(
                gap.code(),
                gap.step(),
                inHouseOnly,
                entry.themes(),
                items(measures, guide.version(), lang, languages)),
            guide.version().code(),
            outsiders,
            map.outsidersNote(outsiders, lang),
            List.copyOf(closers));
    return new Shape(view, specialistAt, specialistRole, Set.copyOf(languages));
  }

  /** The instrument item behind the gap at the requested Step, else 400 naming what is wrong. */
  private GapSources.Source source(ClosersQuery q) {
    List<GapSources.Source> found = sources.of(q.gap());
    if (found.isEmpty()) {
      throw ProblemException.badRequest("gap", "is not a gap code of any self-diagnosis");
    }
    return found.stream()
        .filter(s -> s.step() == q.step())
        .findFirst()
        .orElseThrow(
            () ->
                ProblemException.badRequest(
                    "step",
                    "gap "
                        + q.gap()
                        + " belongs to Step "
                        + found.stream()
                            .map(s -> Integer.toString(s.step()))
                            .collect(Collectors.joining(" or "))));
  }

  /** An element is in-house only when it, or an element it belongs to, says so. */
  private static boolean inHouseOnly(Map<String, Element> byKey, Element e) {
    for (Element at = e; at != null; at = at.parent() == null ? null : byKey.get(at.parent())) {
      if (at.inHouseOnly()) {
        return true;
      }
    }
    return false;
  }

  private static List<Element> keyed(List<String> keys, Map<String, Element> byKey) {
    return keys.stream().map(byKey::get).filter(Objects::nonNull).toList();
  }

  /**
   * The guide's items as the answers show them, written once with the shape: they are most of a
   * diagnosis's gaps answer (~50 kB), and writing them anew on every read was a tenth of the
   * service's CPU.
   */
  private RenderedJson<List<GapClosersView.GuideItem>> items(
      List<Element> elements, Version version, String lang, Set<String> languages) {
    return RenderedJson.of(guideItems(elements, version, lang, languages), json);
  }

  private static List<GapClosersView.GuideItem> guideItems(
      List<Element> elements, Version version, String lang, Set<String> languages) {
    return elements.stream()
        .map(
            e -> {
              ElementView v = ElementView.of(e, lang);
              languages.add(v.lang());
              return new GapClosersView.GuideItem(
                  v.key(),
                  v.kind(),
                  v.title(),
                  v.text(),
                  v.lang(),
                  v.inHouseOnly(),
                  e.attrs().resourcesOrEmpty(),
                  "/api/v1/guide/versions/" + version.code() + "/elements/" + v.key());
            })
        .toList();
  }
}
