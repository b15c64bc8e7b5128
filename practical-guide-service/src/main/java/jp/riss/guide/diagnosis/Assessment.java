package jp.riss.guide.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a set of answers means under one instrument version and its placement rule: the score, the
 * band, the placed Step with the criteria that keep it there, and the gaps.
 *
 * <p>Scoring: every applicable item adds its answer's points to the raw score and the best answer's
 * points to the maximum; {@code not-applicable} items add to neither; "don't know" scores below
 * zero. The percentage is raw ÷ maximum, rounded down; it is absent when nothing applied.
 *
 * <p>Placement: the placed Step is the lowest Step whose exit criteria are not all met, so no Step
 * is skipped and Step 1 is the floor; with every exit met the organisation is in Step 4, which has
 * no exit. An exit's staff minimum counts everyone doing security (concurrent or dedicated), its
 * dedicated minimum only dedicated people; a {@code not-applicable} item does not block an exit.
 */
public record Assessment(
    int rawScore,
    int maxScore,
    Integer percent,
    String band,
    int placedStep,
    List<Unmet> unmet,
    List<Gap> gaps) {

  public static final String HIGH = "high";
  public static final String MEDIUM = "medium";
  public static final String FIND_OUT = "find-out";
  static final int TOP_STEP = 4;

  /** An exit criterion of the placed Step that is not met. */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record Unmet(String criterion, String itemId, Integer required, Integer actual) {}

  /**
   * What is missing: an item not (fully) in place. Severity {@code high} (not in place), {@code
   * medium} (partly) or {@code find-out} (the respondent did not know: finding out is the first
   * step).
   */
  public record Gap(String gapCode, String itemId, int step, String severity, String answer) {}

  public static Assessment of(
      Instrument instrument, Map<String, String> answers, int concurrentStaff, int dedicatedStaff) {
    int best = instrument.maxPoints();
    int raw = 0;
    int max = 0;
    List<Gap> gaps = new ArrayList<>();
    for (Instrument.Item item : instrument.items()) {
      String answer = answers.get(item.id());
      if (Instrument.NOT_APPLICABLE.equals(answer)) {
        continue;
      }
      int points = instrument.answer(answer).orElseThrow().points();
      raw += points;
      max += best;
      if (points < best) {
        String severity = points < 0 ? FIND_OUT : points == 0 ? HIGH : MEDIUM;
        gaps.add(new Gap(item.gapCode(), item.id(), item.step(), severity, answer));
      }
    }
    gaps.sort(Comparator.comparingInt(Gap::step));
    Integer percent = max == 0 ? null : Math.floorDiv(raw * 100, max);
    String band =
        percent == null
            ? null
            : instrument.bands().stream()
                .filter(b -> b.fromPercent() <= percent && percent <= b.toPercent())
                .map(Instrument.Band::code)
                .findFirst()
                .orElse(null);
    int placed = TOP_STEP;
    List<Unmet> unmet = List.of();
    List<Instrument.Exit> exits = new ArrayList<>(instrument.placement().exits());
    exits.sort(Comparator.comparingInt(Instrument.Exit::step));
    for (Instrument.Exit exit : exits) {
      List<Unmet> open = unmet(exit, answers, concurrentStaff, dedicatedStaff, best, instrument);
      if (!open.isEmpty()) {
        placed = exit.step();
        unmet = open;
        break;
      }
    }
    return new Assessment(raw, max, percent, band, placed, unmet, List.copyOf(gaps));
  }

  private static List<Unmet> unmet(
      Instrument.Exit exit,
      Map<String, String> answers,
      int concurrentStaff,
      int dedicatedStaff,
      int best,
      Instrument instrument) {
    List<Unmet> open = new ArrayList<>();
    for (String id : exit.allYes()) {
      String answer = answers.get(id);
      boolean met =
          Instrument.NOT_APPLICABLE.equals(answer)
              || instrument.answer(answer).map(a -> a.points() == best).orElse(false);
      if (!met) {
        open.add(new Unmet("item-in-place", id, null, null));
      }
    }
    int people = concurrentStaff + dedicatedStaff;
    if (people < exit.minConcurrentStaff()) {
      open.add(new Unmet("security-people", null, exit.minConcurrentStaff(), people));
    }
    if (dedicatedStaff < exit.minDedicatedStaff()) {
      open.add(new Unmet("dedicated-people", null, exit.minDedicatedStaff(), dedicatedStaff));
    }
    return open;
  }
}
