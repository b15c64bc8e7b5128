package jp.riss.guide.links;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.guide.references.References;
import jp.riss.guide.web.SqlValues;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;

/** The record of link-check runs: one open at a time, a result row per link checked. */
@ApplicationScoped
public class LinkCheckRuns {

  @Inject EntityManager em;
  @Inject LinkCheckConfig config;
  @Inject Clock clock;

  /** A run as the API shows it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RunView(
      UUID id,
      String trigger,
      OffsetDateTime startedAt,
      OffsetDateTime finishedAt,
      int planned,
      int checked,
      Map<String, Integer> byState,
      List<Result> results) {}

  /** What one link got in a run. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Result(
      int resource,
      String url,
      String linkState,
      Integer status,
      String finalUrl,
      int redirects,
      String error,
      OffsetDateTime checkedAt,
      int durationMs) {}

  /** Opens a run, or answers 409 naming the one still running. */
  @Transactional
  public UUID open(String trigger, String requestedBy, int planned) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    em.createNativeQuery(
            "UPDATE link_check_run SET finished_at = ?1 WHERE finished_at IS NULL AND started_at"
                + " < ?2")
        .setParameter(1, now)
        .setParameter(2, now.minus(config.abandonAfter()))
        .executeUpdate();
    List<?> running =
        em.createNativeQuery("SELECT id FROM link_check_run WHERE finished_at IS NULL")
            .getResultList();
    if (!running.isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "link-check-running",
                  "A link check is running",
                  "Wait for the running check to finish.")
              .with("runningCheck", running.get(0).toString()));
    }
    UUID id = UUID.randomUUID();
    em.createNativeQuery(
            "INSERT INTO link_check_run (id, trigger, requested_by, started_at, planned)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, id)
        .setParameter(2, trigger)
        .setParameter(3, requestedBy)
        .setParameter(4, now)
        .setParameter(5, planned)
        .executeUpdate();
    return id;
  }

  @Transactional
  public void result(UUID run, References.Link link, References.Finding f) {
    em.createNativeQuery(
            "INSERT INTO link_check_result (run_id, resource_number, url, link_state, status,"
                + " final_url, redirects, error, checked_at, duration_ms) VALUES (?1, ?2, ?3, ?4,"
                + " ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT DO NOTHING")
        .setParameter(1, run)
        .setParameter(2, link.number())
        .setParameter(3, link.url())
        .setParameter(4, f.linkState())
        .setParameter(5, f.status())
        .setParameter(6, f.finalUrl())
        .setParameter(7, f.redirects())
        .setParameter(8, f.error())
        .setParameter(9, f.checkedAt())
        .setParameter(10, f.durationMs())
        .executeUpdate();
  }

  @Transactional
  public void finish(UUID run) {
    em.createNativeQuery("UPDATE link_check_run SET finished_at = ?2 WHERE id = ?1")
        .setParameter(1, run)
        .setParameter(2, OffsetDateTime.now(clock))
        .executeUpdate();
  }

  @Transactional
  public RunView view(UUID id) {
    List<?> runs =
        em.createNativeQuery(
                "SELECT trigger, started_at, finished_at, planned FROM link_check_run WHERE id ="
                    + " ?1")
            .setParameter(1, id)
            .getResultList();
    if (runs.isEmpty()) {
      throw ProblemException.notFound("link check " + id);
    }
    Object[] run = (Object[]) runs.get(0);
    List<Result> results =
        em
            .createNativeQuery(
                "SELECT resource_number, url, link_state, status, final_url, redirects, error,"
                    + " checked_at, duration_ms FROM link_check_result WHERE run_id = ?1 ORDER BY"
                    + " resource_number")
            .setParameter(1, id)
            .getResultList()
            .stream()
            .map(
                r -> {
                  Object[] c = (Object[]) r;
                  return new Result(
                      ((Number) c[0]).intValue(),
                      (String) c[1],
                      (String) c[2],
                      c[3] == null ? null : ((Number) c[3]).intValue(),
                      (String) c[4],
                      ((Number) c[5]).intValue(),
                      (String) c[6],
                      SqlValues.time(c[7]),
                      ((Number) c[8]).intValue());
                })
            .toList();
    Map<String, Integer> byState = new LinkedHashMap<>();
    for (String state : List.of("ok", "moved", "dead", "failing")) {
      byState.put(state, (int) results.stream().filter(r -> r.linkState().equals(state)).count());
    }
    return new RunView(
        id,
        (String) run[0],
        SqlValues.time(run[1]),
        SqlValues.time(run[2]),
        ((Number) run[3]).intValue(),
        results.size(),
        byState,
        results);
  }
}
