package jp.riss.guide.diagnosis;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A self-diagnosis instrument version as its file states it: three parts, a four-answer scale with
 * points, organisation facts that make items applicable, result bands by percentage, the items
 * (each mapped to the guide's measures and to a gap code), and the placement rule.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Instrument(
    String about,
    String code,
    String version,
    Map<String, String> title,
    List<Labelled> parts,
    List<Answer> scale,
    List<Labelled> facts,
    List<Band> bands,
    List<Item> items,
    Placement placement,
    Lineage previous) {

  /** The answer that takes an item out of the score where its {@code applicableIf} fact fails. */
  public static final String NOT_APPLICABLE = "not-applicable";

  /**
   * The version this one follows and how its items map onto that version's (this version's item id
   * → the previous version's item id; items without an entry have no counterpart), so diagnoses on
   * the two versions can be compared item by item.
   */
  public record Lineage(String version, Map<String, String> itemMap) {}

  /** Points of the best answer: what an applicable item adds to the maximum. */
  public int maxPoints() {
    return scale.stream().mapToInt(Answer::points).max().orElse(0);
  }

  /** The scale answer, if the text is one. */
  public java.util.Optional<Answer> answer(String text) {
    return scale.stream().filter(a -> a.answer().equals(text)).findFirst();
  }

  /** The item with this id, if any. */
  public java.util.Optional<Item> item(String id) {
    return items.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /** A code with its ja and en labels. */
  public record Labelled(String code, String ja, String en) {}

  /** An answer and the points it scores (below zero for "don't know"). */
  public record Answer(String answer, int points, String ja, String en) {}

  /** A result band over the percentage score. */
  public record Band(String code, int fromPercent, int toPercent, String ja, String en) {}

  /** Wording in one language; English carries its state. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Wording(String state, String text, String help) {}

  /** The organisation fact an item applies under ("not applicable" otherwise). */
  public record Condition(String fact) {}

  /** One question. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Item(
      String id,
      String part,
      int step,
      List<String> measureKeys,
      String gapCode,
      Wording ja,
      Wording en,
      Condition applicableIf) {}

  /** Exit criteria of one Step: these items answered yes, and this much staff. */
  public record Exit(
      int step, List<String> allYes, int minConcurrentStaff, int minDedicatedStaff) {}

  /** The placement rule: the lowest Step whose exit is not met; Step 4 has no exit. */
  public record Placement(String version, String about, List<Exit> exits) {}
}
