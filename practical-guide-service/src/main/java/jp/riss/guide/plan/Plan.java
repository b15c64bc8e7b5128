package jp.riss.guide.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An action plan with its actions, as stored and as read. */
public record Plan(
    UUID id,
    UUID organisationId,
    UUID diagnosisId,
    List<String> gaps,
    List<Action> actions,
    OffsetDateTime createdAt,
    String createdBy,
    String createdRole) {

  /** An action; {@code doneOn} is absent until it is done. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Action(
      UUID id,
      UUID planId,
      String description,
      String gapCode,
      String owner,
      LocalDate dueOn,
      LocalDate doneOn,
      String doneBy,
      String doneRole) {}
}
