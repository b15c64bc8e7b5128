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
    Placement placement) {

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
