package jp.riss.community.connect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import jp.riss.community.edition.Edition;
import jp.riss.community.support.Caller;
import jp.riss.community.survey.SurveyResults;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;

/**
 * A call in numbers: applications and places per theme and applications per school kind. Sponsors
 * of the call see these aggregates only — never a person — and, as everywhere outside the camp
 * office, any count under {@link SurveyResults#MIN_CELL} is suppressed (null).
 */
@ApplicationScoped
public class ConnectStatistics {

  public record ThemeFigures(
      UUID themeId,
      String code,
      String axis,
      int capacity,
      Integer applications,
      Integer accepted,
      Integer reserve) {}

  public record SchoolKindFigures(String code, Integer applications) {}

  public record Statistics(
      UUID callId,
      int capacity,
      Integer applications,
      Integer accepted,
      Integer suppressedBelow,
      List<ThemeFigures> themes,
      List<SchoolKindFigures> schoolKinds) {}

  @Inject EntityManager em;
  @Inject Calls calls;
  @Inject CallPanel panel;

  @Transactional
  public Statistics of(UUID callId, Caller caller) {
    ConnectCall call = calls.find(callId);
    if (!caller.office() && !panel.isSponsor(callId, caller.subject())) {
      throw new ProblemException(
          Problem.of(
              403,
              "not-a-sponsor",
              "Not a sponsor of this call",
              "Only the camp office and this call's sponsors see its figures."));
    }
    boolean suppress = !caller.office();
    @SuppressWarnings("unchecked")
    List<Object[]> themes =
        em.createNativeQuery(
                "SELECT t.id, t.code, t.axis, t.capacity,"
                    + " count(a.id) FILTER (WHERE a.state <> 'withdrawn'),"
                    + " count(a.id) FILTER (WHERE a.state = 'accepted'),"
                    + " count(a.id) FILTER (WHERE a.state = 'reserve')"
                    + " FROM connect_theme t LEFT JOIN connect_application a ON a.theme_id = t.id"
                    + " WHERE t.call_id = ?1 GROUP BY t.id ORDER BY t.display_order")
            .setParameter(1, callId)
            .getResultList();
    @SuppressWarnings("unchecked")
    List<Object[]> schools =
        em.createNativeQuery(
                "SELECT k.code, count(a.id) FROM connect_school_kind k LEFT JOIN"
                    + " connect_application a ON a.school_kind = k.code AND a.call_id = ?1"
                    + " AND a.state <> 'withdrawn' GROUP BY k.code, k.display_order"
                    + " ORDER BY k.display_order")
            .setParameter(1, callId)
            .getResultList();
    long applications = themes.stream().mapToLong(r -> ((Number) r[4]).longValue()).sum();
    long accepted = themes.stream().mapToLong(r -> ((Number) r[5]).longValue()).sum();
    return new Statistics(
        callId,
        em.find(Edition.class, call.editionId).capacity,
        cell(applications, suppress),
        cell(accepted, suppress),
        suppress ? SurveyResults.MIN_CELL : null,
        themes.stream()
            .map(
                r ->
                    new ThemeFigures(
                        (UUID) r[0],
                        (String) r[1],
                        (String) r[2],
                        ((Number) r[3]).intValue(),
                        cell(((Number) r[4]).longValue(), suppress),
                        cell(((Number) r[5]).longValue(), suppress),
                        cell(((Number) r[6]).longValue(), suppress)))
            .toList(),
        schools.stream()
            .map(
                r ->
                    new SchoolKindFigures(
                        (String) r[0], cell(((Number) r[1]).longValue(), suppress)))
            .toList());
  }

  private static Integer cell(long count, boolean suppress) {
    return suppress ? SurveyResults.cell(count) : (Integer) (int) count;
  }
}
