package jp.riss.community.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.member.Scope;

/** The guardian's decisions per scope: an append-only history whose newest row per scope counts. */
@ApplicationScoped
public class Consents {

  /** One decision as stored. */
  public record Decision(
      String scope, boolean granted, String textVersion, OffsetDateTime decidedAt) {}

  @Inject EntityManager em;

  public Set<Scope> granted(UUID personId) {
    EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (Decision d : current(personId)) {
      if (d.granted()) {
        scopes.add(Scope.byCode(d.scope()));
      }
    }
    return scopes;
  }

  /** The decision in force per scope (scopes never decided are absent). */
  public List<Decision> current(UUID personId) {
    return decisions(
        "SELECT DISTINCT ON (scope) scope, granted, text_version, decided_at FROM guardian_consent"
            + " WHERE person_id = ?1 ORDER BY scope, decided_at DESC, id",
        personId);
  }

  public List<Decision> history(UUID personId) {
    return decisions(
        "SELECT scope, granted, text_version, decided_at FROM guardian_consent"
            + " WHERE person_id = ?1 ORDER BY decided_at, scope",
        personId);
  }

  void record(
      UUID personId,
      String scope,
      boolean granted,
      String textVersion,
      String guardianEmail,
      UUID linkId,
      OffsetDateTime at) {
    em.createNativeQuery(
            "INSERT INTO guardian_consent (id, person_id, scope, granted, text_version,"
                + " guardian_email, link_id, decided_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, personId)
        .setParameter(3, scope)
        .setParameter(4, granted)
        .setParameter(5, textVersion)
        .setParameter(6, guardianEmail)
        .setParameter(7, linkId)
        .setParameter(8, at)
        .executeUpdate();
  }

  @SuppressWarnings("unchecked")
  private List<Decision> decisions(String sql, UUID personId) {
    List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, personId).getResultList();
    return rows.stream()
        .map(
            r ->
                new Decision(
                    (String) r[0],
                    (Boolean) r[1],
                    (String) r[2],
                    jp.riss.community.support.Times.of(r[3])))
        .toList();
  }
}
