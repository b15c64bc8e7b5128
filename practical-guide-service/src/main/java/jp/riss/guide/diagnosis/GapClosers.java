package jp.riss.guide.diagnosis;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.riss.guide.content.Element;
import jp.riss.guide.content.GuideStore;

/**
 * Who can close a gap, from what needs no other data: the Step's internal tasks, the guide's
 * measures for the item, the Step's learning content and exam (keys and titles from the current
 * guide version). Specialists, お助け隊, desks and communities come from the closers endpoint the gap
 * links to, which takes the gap, its Step, the organisation's prefecture and a seed derived from
 * the diagnosis (so the rotation of equal matches is stable for one diagnosis).
 */
@ApplicationScoped
public class GapClosers {

  static final String CLOSERS_PATH = "/api/v1/guide/closers";

  @Inject GuideStore content;

  /** A guide element a closer points at. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Ref(String key, String titleJa, String titleEn, List<Integer> resources) {}

  /** The closers of one gap. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Closers(
      String more, List<Ref> internalTasks, List<Ref> guide, List<Ref> learning, Ref exam) {}

  /** A gap with its themes and closers. */
  public record GapView(
      String gapCode,
      String itemId,
      int step,
      String severity,
      String answer,
      List<Integer> themeCodes,
      boolean inHouseOnly,
      Closers closers) {}

  @Transactional(Transactional.TxType.MANDATORY)
  public List<GapView> of(Diagnosis d, Instrument instrument, Map<String, List<Integer>> themes) {
    List<Element> elements =
        content.current().map(v -> content.elements(v.code())).orElse(List.of());
    Map<String, Element> byKey = new HashMap<>();
    elements.forEach(e -> byKey.put(e.key(), e));
    return d.assessment().gaps().stream()
        .map(
            gap -> {
              List<String> measures =
                  instrument.item(gap.itemId()).map(Instrument.Item::measureKeys).orElse(List.of());
              boolean inHouseOnly =
                  measures.stream().anyMatch(key -> inHouseOnly(byKey, byKey.get(key)));
              Closers closers =
                  new Closers(
                      link(gap, d),
                      refs(elements, gap.step(), "task", "internal"),
                      measures.stream()
                          .map(byKey::get)
                          .filter(java.util.Objects::nonNull)
                          .map(GapClosers::ref)
                          .toList(),
                      refs(elements, gap.step(), "people-measure", "learning-content"),
                      refs(elements, gap.step(), "people-measure", "exam").stream()
                          .findFirst()
                          .orElse(null));
              return new GapView(
                  gap.gapCode(),
                  gap.itemId(),
                  gap.step(),
                  gap.severity(),
                  gap.answer(),
                  themes.getOrDefault(gap.gapCode(), List.of()),
                  inHouseOnly,
                  closers);
            })
        .toList();
  }

  static String link(Assessment.Gap gap, Diagnosis d) {
    return CLOSERS_PATH
        + "?gap="
        + gap.gapCode()
        + "&step="
        + gap.step()
        + "&prefecture="
        + d.prefecture()
        + "&seed="
        + d.seed();
  }

  /** An item is in-house only when its measure, or the measure it belongs to, says so. */
  private static boolean inHouseOnly(Map<String, Element> byKey, Element e) {
    for (Element at = e; at != null; at = at.parent() == null ? null : byKey.get(at.parent())) {
      if (at.inHouseOnly()) {
        return true;
      }
    }
    return false;
  }

  private static List<Ref> refs(List<Element> elements, int step, String kind, String sub) {
    return elements.stream()
        .filter(e -> kind.equals(e.kind()) && e.step() != null && e.step() == step)
        .filter(
            e ->
                sub.equals(e.attrs() == null ? null : e.attrs().side())
                    || sub.equals(e.attrs() == null ? null : e.attrs().peopleKind()))
        .map(GapClosers::ref)
        .toList();
  }

  private static Ref ref(Element e) {
    String ja = e.ja().title() != null ? e.ja().title() : e.ja().text();
    String en =
        e.en() == null || !e.en().present()
            ? null
            : e.en().title() != null ? e.en().title() : e.en().text();
    return new Ref(e.key(), ja, en, e.attrs() == null ? List.of() : e.attrs().resourcesOrEmpty());
  }
}
