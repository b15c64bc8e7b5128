package jp.riss.guide.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.riss.guide.web.SqlValues;
import jp.riss.platform.web.Keyset;

/** Organisations, consents and acts in the database (native SQL, as the rest of the module). */
@ApplicationScoped
public class OrganisationStore {

  private static final String COLUMNS =
      "id, owner_subject, name, prefecture, jsic_division, employee_band, concurrent_staff,"
          + " dedicated_staff, statistics_consent, revision, created_at, updated_at";

  /** A consent grant as stored. */
  public record Consent(
      String supportBody,
      OffsetDateTime grantedAt,
      String grantedBy,
      OffsetDateTime revokedAt,
      String revokedBy) {}

  /** One recorded act. */
  public record Act(
      long id,
      OffsetDateTime at,
      String actorSubject,
      String actorRole,
      String action,
      String target) {}

  @Inject EntityManager em;

  /** The organisation; {@code lock} holds its row until the transaction ends. */
  public Optional<Organisation> find(UUID id, boolean lock) {
    return em
        .createNativeQuery(
            "SELECT " + COLUMNS + " FROM organisation WHERE id = ?1" + (lock ? " FOR UPDATE" : ""))
        .setParameter(1, id)
        .getResultList()
        .stream()
        .findFirst()
        .map(r -> organisation((Object[]) r));
  }

  /** Organisations the actor may act for, oldest first, after the given position. */
  @SuppressWarnings("unchecked")
  public List<Organisation> visibleTo(Actor actor, Keyset after, int limit) {
    String who =
        actor.isCompany()
            ? "owner_subject = ?1"
            : "id IN (SELECT organisation_id FROM organisation_consent"
                + " WHERE support_body_subject = ?1 AND revoked_at IS NULL)";
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM organisation WHERE "
                    + who
                    + " AND (CAST(?2 AS timestamptz) IS NULL OR (created_at, id) >"
                    + " (CAST(?2 AS timestamptz), CAST(?3 AS uuid)))"
                    + " ORDER BY created_at, id LIMIT ?4")
            .setParameter(1, actor.subject())
            .setParameter(2, after == null ? null : after.at())
            .setParameter(3, after == null ? null : after.id())
            .setParameter(4, limit)
            .getResultList();
    return rows.stream().map(OrganisationStore::organisation).toList();
  }

  public void insert(Organisation o) {
    em.createNativeQuery(
            "INSERT INTO organisation ("
                + COLUMNS
                + ")"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
        .setParameter(1, o.id())
        .setParameter(2, o.ownerSubject())
        .setParameter(3, o.name())
        .setParameter(4, o.prefecture())
        .setParameter(5, o.jsicDivision())
        .setParameter(6, o.employeeBand())
        .setParameter(7, o.concurrentStaff())
        .setParameter(8, o.dedicatedStaff())
        .setParameter(9, o.statisticsConsent())
        .setParameter(10, o.revision())
        .setParameter(11, o.createdAt())
        .setParameter(12, o.updatedAt())
        .executeUpdate();
  }

  public void update(Organisation o) {
    em.createNativeQuery(
            "UPDATE organisation SET name = ?2, prefecture = ?3, jsic_division = ?4,"
                + " employee_band = ?5, concurrent_staff = ?6, dedicated_staff = ?7,"
                + " statistics_consent = ?8, revision = ?9, updated_at = ?10 WHERE id = ?1")
        .setParameter(1, o.id())
        .setParameter(2, o.name())
        .setParameter(3, o.prefecture())
        .setParameter(4, o.jsicDivision())
        .setParameter(5, o.employeeBand())
        .setParameter(6, o.concurrentStaff())
        .setParameter(7, o.dedicatedStaff())
        .setParameter(8, o.statisticsConsent())
        .setParameter(9, o.revision())
        .setParameter(10, o.updatedAt())
        .executeUpdate();
  }

  /** Whether a reference table has the code (prefecture, jsic_division, employee_band). */
  public boolean known(String table, String code) {
    return ((Number)
                em.createNativeQuery("SELECT count(*) FROM " + table + " WHERE code = ?1")
                    .setParameter(1, code)
                    .getSingleResult())
            .intValue()
        == 1;
  }

  public boolean consentStands(UUID organisation, String supportBody) {
    return !em.createNativeQuery(
            "SELECT 1 FROM organisation_consent WHERE organisation_id = ?1"
                + " AND support_body_subject = ?2 AND revoked_at IS NULL")
        .setParameter(1, organisation)
        .setParameter(2, supportBody)
        .getResultList()
        .isEmpty();
  }

  /**
   * @return false when consent already stood
   */
  public boolean grant(UUID organisation, String supportBody, String by, OffsetDateTime now) {
    return em.createNativeQuery(
                "INSERT INTO organisation_consent (organisation_id, support_body_subject,"
                    + " granted_at, granted_by) VALUES (?1, ?2, ?3, ?4)"
                    + " ON CONFLICT (organisation_id, support_body_subject)"
                    + " WHERE revoked_at IS NULL DO NOTHING")
            .setParameter(1, organisation)
            .setParameter(2, supportBody)
            .setParameter(3, now)
            .setParameter(4, by)
            .executeUpdate()
        == 1;
  }

  /**
   * @return false when no consent stood
   */
  public boolean revoke(UUID organisation, String supportBody, String by, OffsetDateTime now) {
    return em.createNativeQuery(
                "UPDATE organisation_consent SET revoked_at = ?3, revoked_by = ?4"
                    + " WHERE organisation_id = ?1 AND support_body_subject = ?2"
                    + " AND revoked_at IS NULL")
            .setParameter(1, organisation)
            .setParameter(2, supportBody)
            .setParameter(3, now)
            .setParameter(4, by)
            .executeUpdate()
        == 1;
  }

  @SuppressWarnings("unchecked")
  public List<Consent> consents(UUID organisation) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT support_body_subject, granted_at, granted_by, revoked_at, revoked_by"
                    + " FROM organisation_consent WHERE organisation_id = ?1"
                    + " ORDER BY granted_at, support_body_subject")
            .setParameter(1, organisation)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Consent(
                    (String) r[0],
                    SqlValues.time(r[1]),
                    (String) r[2],
                    SqlValues.time(r[3]),
                    (String) r[4]))
        .toList();
  }

  public void recordAct(
      UUID organisation, Actor actor, String action, String target, OffsetDateTime now) {
    em.createNativeQuery(
            "INSERT INTO organisation_act (organisation_id, acted_at, actor_subject, actor_role,"
                + " action, target) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, organisation)
        .setParameter(2, now)
        .setParameter(3, actor.subject())
        .setParameter(4, actor.role())
        .setParameter(5, action)
        .setParameter(6, target)
        .executeUpdate();
  }

  @SuppressWarnings("unchecked")
  public List<Act> acts(UUID organisation, long afterId, int limit) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, acted_at, actor_subject, actor_role, action, target"
                    + " FROM organisation_act WHERE organisation_id = ?1 AND id > ?2"
                    + " ORDER BY id LIMIT ?3")
            .setParameter(1, organisation)
            .setParameter(2, afterId)
            .setParameter(3, limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Act(
                    ((Number) r[0]).longValue(),
                    SqlValues.time(r[1]),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5]))
        .toList();
  }

  private static Organisation organisation(Object[] r) {
    return new Organisation(
        (UUID) r[0],
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        ((Number) r[6]).intValue(),
        ((Number) r[7]).intValue(),
        (Boolean) r[8],
        ((Number) r[9]).longValue(),
        SqlValues.time(r[10]),
        SqlValues.time(r[11]));
  }
}
