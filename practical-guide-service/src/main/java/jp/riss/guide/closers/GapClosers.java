package jp.riss.guide.closers;

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
import jp.riss.guide.specialists.SpecialistMatch;
import jp.riss.guide.web.CachedRead;
import jp.riss.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who can close a gap (rule 4): the Step's internal task, the guide's learning content and exam,
 * お助け隊 where the gap needs monitoring, on-site response or insurance, the consultation desk and
 * support bodies, communities, and registered specialists from the read model. Which elements stand
 * for which closer comes from {@link GapCloserMap} and the current guide version.
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

  @ConfigProperty(name = "riss.guide.closers.specialists", defaultValue = "5")
  int specialistCount;

  // A published version never changes, so its elements can be kept once read.
  private final Map<String, List<Element>> published = new ConcurrentHashMap<>();

  @Transactional
  public CachedRead closers(ClosersQuery q, String lang) {
    GapSources.Source source = source(q);
    Version version =
        store.current().orElseThrow(() -> ProblemException.notFound("a published guide version"));
    List<Element> elements = published.computeIfAbsent(version.code(), store::elements);
    Map<String, Element> byKey =
        elements.stream().collect(Collectors.toMap(Element::key, Function.identity()));
    GapCloserMap.Entry entry = map.entry(q.gap());

    List<Element> measures = keyed(source.measureKeys(), byKey);
    List<Element> tasks =
        entry.tasksOrNone().isEmpty()
            ? elements.stream()
                .filter(e -> "task".equals(e.kind()) && Objects.equals(e.step(), q.step()))
                .filter(e -> "internal".equals(e.attrs().side()))
                .toList()
            : keyed(entry.tasksOrNone(), byKey);
    boolean inHouseOnly =
        Stream.of(measures, tasks, keyed(entry.inHouseOnlyBecauseOrNone(), byKey))
            .flatMap(List::stream)
            .anyMatch(Element::inHouseOnly);
    String outsiderRole = inHouseOnly ? "adviser" : "adviser-or-provider";

    Set<String> languages = new HashSet<>();
    List<GapClosersView.Closer> closers = new ArrayList<>();
    for (GapCloserMap.CloserKind kind : map.kinds()) {
      String role = GapCloserMap.BY_ORGANISATION.equals(kind.by()) ? "organisation" : outsiderRole;
      if (SPECIALIST.equals(kind.kind())) {
        if (!entry.themes().isEmpty()) {
          List<SpecialistMatch> found =
              specialists.match(entry.themes(), q.prefecture(), q.seed(), specialistCount);
          closers.add(new GapClosersView.Closer(kind.kind(), role, null, null, found));
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
      for (Element e : elements) {
        boolean ofStep = Objects.equals(e.step(), q.step());
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
                items(items, version, lang, languages),
                null));
      }
    }
    GapClosersView view =
        new GapClosersView(
            new GapClosersView.Gap(
                q.gap(),
                q.step(),
                inHouseOnly,
                entry.themes(),
                items(measures, version, lang, languages)),
            version.code(),
            inHouseOnly ? GapCloserMap.ADVISERS_ONLY : GapCloserMap.MAY_HELP,
            map.outsidersNote(
                inHouseOnly ? GapCloserMap.ADVISERS_ONLY : GapCloserMap.MAY_HELP, lang),
            closers);
    languages.add(lang);
    // The list of specialists changes with every listing event: revalidate each time (ETag).
    return new CachedRead(view, null, 0, true, languages);
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

  private static List<Element> keyed(List<String> keys, Map<String, Element> byKey) {
    return keys.stream().map(byKey::get).filter(Objects::nonNull).toList();
  }

  private static List<GapClosersView.GuideItem> items(
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
