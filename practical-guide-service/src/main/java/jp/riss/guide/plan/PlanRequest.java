package jp.riss.guide.plan;

import java.util.List;

/** A plan as the organisation states it: the diagnosis and gaps it answers, and the actions. */
public record PlanRequest(String diagnosisId, List<String> gaps, List<Action> actions) {

  /** One action: what, for which chosen gap (optional), who is responsible, by when. */
  public record Action(String description, String gapCode, String owner, String dueOn) {}
}
