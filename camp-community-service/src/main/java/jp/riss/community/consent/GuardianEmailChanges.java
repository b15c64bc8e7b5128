package jp.riss.community.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.community.member.Members;
import jp.riss.community.member.Person;
import jp.riss.community.support.Checks;
import jp.riss.community.support.Times;
import jp.riss.platform.problem.ProblemException;

/**
 * A minor may ask for another guardian address, but only the camp office makes it the address on
 * record: a minor can never name an address that then consents for them. On confirmation, links to
 * the old address stop working and a new link goes to the new one.
 */
@ApplicationScoped
public class GuardianEmailChanges {

  /** What the camp office sees of a request. */
  public record Request(
      UUID id,
      UUID memberId,
      String personRef,
      String currentEmail,
      String requestedEmail,
      OffsetDateTime requestedAt,
      String state) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject GuardianLinks links;

  @Transactional
  public void request(String subject, String email) {
    Person person = members.enrolled(subject);
    Checks checks = Checks.start();
    String address = checks.email("email", email);
    checks.throwIfAny();
    if (!person.ageBand(members.today()).minor()) {
      throw ProblemException.conflict(
          "no-guardian", "No guardian", "Members of 18 or over have no guardian on record.");
    }
    em.createNativeQuery(
            "INSERT INTO guardian_email_change (id, person_id, requested, requested_at)"
                + " VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, person.id)
        .setParameter(3, address)
        .setParameter(4, members.now())
        .executeUpdate();
  }

  @Transactional
  @SuppressWarnings("unchecked")
  public List<Request> pending() {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT c.id, p.id, p.person_ref, p.guardian_email, c.requested, c.requested_at"
                    + " FROM guardian_email_change c JOIN person p ON p.id = c.person_id"
                    + " WHERE c.decided_at IS NULL ORDER BY c.requested_at, c.id LIMIT 200")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Request(
                    (UUID) r[0],
                    (UUID) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    Times.of(r[5]),
                    "pending"))
        .toList();
  }

  @Transactional
  public Request decide(UUID id, Boolean confirm, String officer) {
    if (confirm == null) {
      throw ProblemException.badRequest("confirm", "is required (true or false)");
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT person_id, requested, requested_at FROM guardian_email_change"
                    + " WHERE id = ?1 AND decided_at IS NULL FOR UPDATE")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("pending guardian e-mail change " + id);
    }
    Object[] row = rows.get(0);
    OffsetDateTime now = members.now();
    em.createNativeQuery(
            "UPDATE guardian_email_change SET decided_at = ?2, decided_by = ?3, confirmed = ?4"
                + " WHERE id = ?1")
        .setParameter(1, id)
        .setParameter(2, now)
        .setParameter(3, officer)
        .setParameter(4, confirm)
        .executeUpdate();
    Person person = members.byId((UUID) row[0]).orElseThrow();
    String previous = person.guardianEmail;
    if (confirm) {
      person.guardianEmail = (String) row[1];
      em.flush();
      links.withdrawOpenLinks(person.id, now);
      if (person.subject != null && person.ageBand(members.today()).minor()) {
        links.issue(person);
      }
    }
    return new Request(
        id,
        person.id,
        person.personRef,
        previous,
        (String) row[1],
        Times.of(row[2]),
        confirm ? "confirmed" : "refused");
  }
}
