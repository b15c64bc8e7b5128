package jp.riss.community.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.community.member.AgeBand;
import jp.riss.community.member.Member;
import jp.riss.community.member.Members;
import jp.riss.community.support.Checks;
import jp.riss.community.support.Times;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Cursors;

/**
 * Members' responses to government calls: one per member and call, until the deadline. Read by the
 * issuing body and the camp office only, without who wrote them; the issuer gets names and e-mail
 * addresses only of adults who consented, in their response, to be contacted about that call. A
 * minor's contact details are never exported: the camp office reaches minors through their
 * guardian.
 */
@ApplicationScoped
public class CallResponses {

  /** What a member sends. */
  public record ResponseInput(String body, Boolean contactConsent) {}

  /** A member's own response. */
  public record MyResponse(
      UUID id, UUID callId, String body, boolean contactConsent, OffsetDateTime respondedAt) {}

  /** A response as the issuer and the camp office read it: no name, no member id. */
  public record Response(
      UUID id, String body, boolean contactConsent, OffsetDateTime respondedAt) {}

  /** A responder who consented to be contacted about this call. */
  public record Contact(UUID responseId, String name, String email) {}

  public record Page<T>(List<T> items, String next) {}

  /** The cursor of the lists: the last arrival shown. */
  public record After(long arrival) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject Calls calls;

  @Transactional
  public MyResponse respond(String subject, UUID callId, ResponseInput input) {
    Member member = members.active(subject);
    Checks checks = Checks.start();
    if (input == null) {
      checks.reject("body", "is required").throwIfAny();
    }
    String body = checks.text("body", input.body(), 4000);
    if (input.contactConsent() == null) {
      checks.reject("contactConsent", "is required");
    }
    checks.throwIfAny();
    GovernmentCall c = calls.forMember(callId, member, true);
    if (!c.open(calls.now())) {
      throw ProblemException.conflict(
          "deadline-passed",
          "Deadline passed",
          "Responses were taken until " + c.deadline.withOffsetSameInstant(c.offset()) + ".");
    }
    if (mine(c.id, member) != null) {
      throw ProblemException.conflict(
          "already-responded", "Already responded", "You have responded to this call already.");
    }
    em.createNativeQuery(
            "INSERT INTO government_call_response (id, call_id, person_id, body, contact_consent,"
                + " responded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, c.id)
        .setParameter(3, member.person().id)
        .setParameter(4, body)
        // A minor's consent to be contacted is not theirs to give here: never recorded as given.
        .setParameter(5, input.contactConsent() && !member.minor())
        .setParameter(6, calls.now())
        .executeUpdate();
    return mine(c.id, member);
  }

  @Transactional
  public Page<Response> responses(
      UUID callId, CallCaller caller, String cursor, int limit, UriInfo uri) {
    long after = after(cursor);
    GovernmentCall c = calls.managed(callId, caller);
    List<Object[]> rows =
        rows(
            "SELECT r.id, r.body, r.contact_consent, r.responded_at, r.arrival"
                + " FROM government_call_response r WHERE r.call_id = ?1 AND r.arrival > ?2"
                + " ORDER BY r.arrival LIMIT ?3",
            c.id,
            after,
            limit + 1);
    return page(
        rows,
        limit,
        4,
        uri,
        r -> new Response((UUID) r[0], (String) r[1], (Boolean) r[2], Times.of(r[3])));
  }

  /** The export: adults who consented for this call, with the name and address on record. */
  @Transactional
  public Page<Contact> contacts(
      UUID callId, CallCaller caller, String cursor, int limit, UriInfo uri) {
    long after = after(cursor);
    GovernmentCall c = calls.managed(callId, caller);
    List<Object[]> rows =
        rows(
            "SELECT r.id, p.full_name, p.email, r.arrival"
                + " FROM government_call_response r JOIN person p ON p.id = r.person_id"
                + " WHERE r.call_id = ?1 AND r.contact_consent AND r.arrival > ?2"
                // Consent was recorded only from adults; today's age is checked again anyway.
                + " AND p.date_of_birth <= ?4 AND p.profile_deleted_at IS NULL AND NOT p.banned"
                + " ORDER BY r.arrival LIMIT ?3",
            c.id,
            after,
            limit + 1,
            members.today().minusYears(AgeBand.MAJORITY));
    return page(rows, limit, 3, uri, r -> new Contact((UUID) r[0], (String) r[1], (String) r[2]));
  }

  public MyResponse mine(UUID callId, Member member) {
    return rows(
            "SELECT id, call_id, body, contact_consent, responded_at FROM government_call_response"
                + " WHERE call_id = ?1 AND person_id = ?2",
            callId,
            member.person().id)
        .stream()
        .map(
            r ->
                new MyResponse(
                    (UUID) r[0], (UUID) r[1], (String) r[2], (Boolean) r[3], Times.of(r[4])))
        .findFirst()
        .orElse(null);
  }

  public int count(UUID callId) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM government_call_response WHERE call_id = ?1")
                .setParameter(1, callId)
                .getSingleResult())
        .intValue();
  }

  private static long after(String cursor) {
    After after = cursor == null ? null : Cursors.decode(cursor, After.class);
    return after == null ? 0L : after.arrival();
  }

  private static <T> Page<T> page(
      List<Object[]> rows,
      int limit,
      int arrivalColumn,
      UriInfo uri,
      java.util.function.Function<Object[], T> map) {
    List<T> items = rows.stream().limit(limit).map(map).toList();
    String next =
        rows.size() > limit
            ? Cursors.nextLink(
                uri, new After(((Number) rows.get(limit - 1)[arrivalColumn]).longValue()))
            : null;
    return new Page<>(items, next);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, Object... params) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    return q.getResultList();
  }
}
