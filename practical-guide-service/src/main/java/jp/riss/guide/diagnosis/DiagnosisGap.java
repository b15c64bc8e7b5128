package jp.riss.guide.diagnosis;

import java.util.List;
import jp.riss.guide.closers.GapClosersView;
import jp.riss.platform.json.RenderedJson;

/**
 * One gap of a diagnosis with who closes it: the same answer the closers endpoint gives for the
 * gap, its Step, the organisation's prefecture and the diagnosis's seed (so the order of equal
 * specialists is the same on every read), and {@code more}, that endpoint's link.
 */
public record DiagnosisGap(
    String gapCode,
    String itemId,
    int step,
    String severity,
    String answer,
    List<Integer> themeCodes,
    boolean inHouseOnly,
    Closers closers) {

  /** The closers of the gap, in the order they are shown. */
  public record Closers(
      String more,
      String guideVersion,
      String outsiders,
      String outsidersNote,
      RenderedJson<List<GapClosersView.GuideItem>> measures,
      List<GapClosersView.Closer> kinds) {}

  static DiagnosisGap of(Assessment.Gap gap, String more, GapClosersView view) {
    return new DiagnosisGap(
        gap.gapCode(),
        gap.itemId(),
        gap.step(),
        gap.severity(),
        gap.answer(),
        view.gap().themes(),
        view.gap().inHouseOnly(),
        new Closers(
            more,
            view.guideVersion(),
            view.outsiders(),
            view.outsidersNote(),
            view.gap().measures(),
            view.closers()));
  }
}
