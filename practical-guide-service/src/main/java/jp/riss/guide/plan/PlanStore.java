package jp.riss.guide.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.riss.guide.web.SqlValues;

/** Plans and their actions (native SQL, as the rest of the module). */
@ApplicationScoped
public class PlanStore {

  private static final String ACTION_COLUMNS =
      "id, plan_id, description, gap_code, owner, due_on, done_on, done_by, done_role";

  @Inject EntityManager em;

  public void insert(Plan p) {
    em.createNativeQuery(
            "INSERT INTO action_plan (id, organisation_id, diagnosis_id, gap_codes, created_at,"
                + " created_by, created_role) VALUES (?1, ?2, ?3, CAST(?4 AS text[]), ?5, ?6, ?7)")
        .setParameter(1, p.id())
        .setParameter(2, p.organisationId())
        .setParameter(3, p.diagnosisId())
        // Gap codes are checked against the diagnosis (a-z, 0-9, -), so a literal is safe.
        .setParameter(4, "{" + String.join(",", p.gaps()) + "}")
        .setParameter(5, p.createdAt())
        .setParameter(6, p.createdBy())
        .setParameter(7, p.createdRole())
        .executeUpdate();
    int position = 0;
    for (Plan.Action a : p.actions()) {
      em.createNativeQuery(
              "INSERT INTO plan_action (id, plan_id, position, description, gap_code, owner,"
                  + " due_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
          .setParameter(1, a.id())
          .setParameter(2, p.id())
          .setParameter(3, position++)
          .setParameter(4, a.description())
          .setParameter(5, a.gapCode())
          .setParameter(6, a.owner())
          .setParameter(7, a.dueOn())
          .executeUpdate();
    }
  }

  public Optional<Plan> find(UUID id) {
    return plans("WHERE id = ?1", id).stream().findFirst();
  }

  public List<Plan> ofOrganisation(UUID organisation) {
    return plans("WHERE organisation_id = ?1", organisation);
  }

  /**
   * @return false when the action was done already
   */
  public boolean markDone(UUID plan, UUID action, LocalDate on, String by, String role) {
    return em.createNativeQuery(
                "UPDATE plan_action SET done_on = ?3, done_by = ?4, done_role = ?5"
                    + " WHERE plan_id = ?1 AND id = ?2 AND done_on IS NULL")
            .setParameter(1, plan)
            .setParameter(2, action)
            .setParameter(3, on)
            .setParameter(4, by)
            .setParameter(5, role)
            .executeUpdate()
        == 1;
  }

  @SuppressWarnings("unchecked")
  private List<Plan> plans(String where, UUID id) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, organisation_id, diagnosis_id, gap_codes, created_at, created_by,"
                    + " created_role FROM action_plan "
                    + where
                    + " ORDER BY created_at, id")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
    List<Object[]> actionRows =
        em.createNativeQuery(
                "SELECT "
                    + ACTION_COLUMNS
                    + " FROM plan_action WHERE plan_id = ANY (CAST(?1 AS uuid[]))"
                    + " ORDER BY plan_id, position")
            .setParameter(
                1, "{" + ids.stream().map(UUID::toString).collect(Collectors.joining(",")) + "}")
            .getResultList();
    Map<UUID, List<Plan.Action>> actions =
        actionRows.stream()
            .map(PlanStore::action)
            .collect(Collectors.groupingBy(Plan.Action::planId));
    return rows.stream()
        .map(
            r ->
                new Plan(
                    (UUID) r[0],
                    (UUID) r[1],
                    (UUID) r[2],
                    Arrays.stream((Object[]) SqlValues.array(r[3])).map(String::valueOf).toList(),
                    actions.getOrDefault((UUID) r[0], List.of()),
                    SqlValues.time(r[4]),
                    (String) r[5],
                    (String) r[6]))
        .toList();
  }

  private static Plan.Action action(Object[] r) {
    return new Plan.Action(
        (UUID) r[0],
        (UUID) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        date(r[5]),
        date(r[6]),
        (String) r[7],
        (String) r[8]);
  }

  private static LocalDate date(Object column) {
    if (column == null) {
      return null;
    }
    return column instanceof LocalDate d ? d : ((Date) column).toLocalDate();
  }

  /** Each organisation's latest diagnosis, when it completed on or before the given time. */
  public record Latest(UUID organisation, UUID diagnosis, OffsetDateTime completedAt) {}

  @SuppressWarnings("unchecked")
  public List<Latest> latestDiagnosesUpTo(OffsetDateTime completedBy) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT organisation_id, id, completed_at FROM (SELECT DISTINCT ON"
                    + " (organisation_id) organisation_id, id, completed_at FROM diagnosis"
                    + " ORDER BY organisation_id, completed_at DESC, id DESC) latest"
                    + " WHERE completed_at <= ?1 AND NOT EXISTS (SELECT 1 FROM"
                    + " rediagnosis_reminder r WHERE r.diagnosis_id = latest.id)"
                    + " ORDER BY completed_at, id")
            .setParameter(1, completedBy)
            .getResultList();
    return rows.stream()
        .map(r -> new Latest((UUID) r[0], (UUID) r[1], SqlValues.time(r[2])))
        .toList();
  }

  /**
   * @return false when the reminder for that diagnosis was sent before
   */
  public boolean recordReminder(
      UUID diagnosis, UUID organisation, LocalDate dueOn, OffsetDateTime now) {
    return em.createNativeQuery(
                "INSERT INTO rediagnosis_reminder (diagnosis_id, organisation_id, due_on, sent_at)"
                    + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
            .setParameter(1, diagnosis)
            .setParameter(2, organisation)
            .setParameter(3, dueOn)
            .setParameter(4, now)
            .executeUpdate()
        == 1;
  }
}
