package jp.riss.guide.diagnosis;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A diagnosis against the organisation's previous one (the Check → Act review of the PDCA cycle):
 * per item and per Step. Items are paired by id within one instrument version, through the newer
 * version's explicit item map across versions; without a map the scores are not compared at all. A
 * Step's percentages are over the paired items of that Step that applied both times.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Comparison(
    UUID diagnosisId,
    UUID previousDiagnosisId,
    String basis,
    Integer placedStepBefore,
    int placedStepAfter,
    boolean movedDown,
    boolean steppedUp,
    List<ItemChange> items,
    List<StepChange> steps) {

  public static final String SAME_VERSION = "same-version";
  public static final String ITEM_MAP = "item-map";
  public static final String NOT_COMPARABLE = "not-comparable";
  public static final String FIRST = "first-diagnosis";

  /** One item then and now; {@code change} is better, worse, same or not-comparable. */
  public record ItemChange(
      String itemId, String previousItemId, String before, String after, String change) {}

  /** One Step's percentage then and now (absent when none of its items applied both times). */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record StepChange(int step, Integer percentBefore, Integer percentAfter) {}

  static Comparison first(Diagnosis now) {
    return new Comparison(
        now.id(),
        null,
        FIRST,
        null,
        now.assessment().placedStep(),
        false,
        false,
        List.of(),
        List.of());
  }

  static Comparison of(Diagnosis now, Instrument current, Diagnosis before, Instrument previous) {
    Map<String, String> pairs = pairs(now, current, before);
    int stepBefore = before.assessment().placedStep();
    int stepAfter = now.assessment().placedStep();
    if (pairs == null) {
      return new Comparison(
          now.id(),
          before.id(),
          NOT_COMPARABLE,
          stepBefore,
          stepAfter,
          stepAfter < stepBefore,
          stepAfter > stepBefore,
          List.of(),
          List.of());
    }
    int best = current.maxPoints();
    List<ItemChange> items = new ArrayList<>();
    int[] rawBefore = new int[5];
    int[] rawAfter = new int[5];
    int[] max = new int[5];
    for (Instrument.Item item : current.items()) {
      String previousId = pairs.get(item.id());
      String after = now.answers().get(item.id());
      String was = previousId == null ? null : before.answers().get(previousId);
      Integer pointsAfter = points(current, after);
      Integer pointsBefore = was == null ? null : points(previous, was);
      String change;
      if (pointsAfter == null || pointsBefore == null) {
        change = "not-comparable";
      } else {
        change =
            pointsAfter > pointsBefore ? "better" : pointsAfter < pointsBefore ? "worse" : "same";
        rawBefore[item.step()] += pointsBefore;
        rawAfter[item.step()] += pointsAfter;
        max[item.step()] += best;
      }
      items.add(new ItemChange(item.id(), previousId, was, after, change));
    }
    List<StepChange> steps = new ArrayList<>();
    for (int s = 1; s <= Assessment.TOP_STEP; s++) {
      steps.add(
          max[s] == 0
              ? new StepChange(s, null, null)
              : new StepChange(
                  s,
                  Math.floorDiv(rawBefore[s] * 100, max[s]),
                  Math.floorDiv(rawAfter[s] * 100, max[s])));
    }
    return new Comparison(
        now.id(),
        before.id(),
        now.instrumentVersion().equals(before.instrumentVersion()) ? SAME_VERSION : ITEM_MAP,
        stepBefore,
        stepAfter,
        stepAfter < stepBefore,
        stepAfter > stepBefore,
        items,
        steps);
  }

  /** This version's item id → the previous diagnosis's item id, or null when not comparable. */
  private static Map<String, String> pairs(Diagnosis now, Instrument current, Diagnosis before) {
    if (!now.instrumentCode().equals(before.instrumentCode())) {
      return null;
    }
    if (now.instrumentVersion().equals(before.instrumentVersion())) {
      Map<String, String> same = new java.util.HashMap<>();
      current.items().forEach(i -> same.put(i.id(), i.id()));
      return same;
    }
    Instrument.Lineage lineage = current.previous();
    if (lineage != null && lineage.version().equals(before.instrumentVersion())) {
      return lineage.itemMap();
    }
    return null;
  }

  /** Points of an answer, or null for not-applicable (nothing to compare). */
  private static Integer points(Instrument instrument, String answer) {
    return instrument.answer(answer).map(Instrument.Answer::points).orElse(null);
  }
}
