package jp.riss.guide.closers;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import jp.riss.guide.specialists.SpecialistMatch;
import jp.riss.platform.json.RenderedJson;

/**
 * Who can close one gap. {@code outsiders} is {@code advisers-only} when the gap's measure or task
 * is one the organisation must decide and do itself ({@code inHouseOnly}); every outside closer
 * then has the role {@code adviser}.
 */
public record GapClosersView(
    Gap gap, String guideVersion, String outsiders, String outsidersNote, List<Closer> closers) {

  /**
   * The gap: its Step, the guide measures it is about and the guidance themes it needs. The guide's
   * items are fixed per guide version, so they are kept written ({@link GapClosers}).
   */
  public record Gap(
      String code,
      int step,
      boolean inHouseOnly,
      List<Integer> themes,
      RenderedJson<List<GuideItem>> measures) {}

  /**
   * One kind of closer. {@code role}: {@code organisation} (the organisation does it), {@code
   * adviser} (outsiders advise only) or {@code adviser-or-provider}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Closer(
      String kind,
      String role,
      List<String> needs,
      RenderedJson<List<GuideItem>> items,
      List<SpecialistMatch> specialists) {}

  /** A guide element that helps: a task, a learning offer, an exam, a support offer. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GuideItem(
      String key,
      String kind,
      String title,
      String text,
      String lang,
      boolean inHouseOnly,
      List<Integer> resources,
      String href) {}
}
