package jp.riss.community.opportunity;

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
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Cursors;

/**
 * Members' interest in an opportunity and the camp office's selection among them. Every write takes
 * the opportunity's row lock first, so two selections never both see the last free slot.
 */
@ApplicationScoped
public class Interests {

  /** What a member sends: an optional word to the provider. */
  public record InterestInput(String statement) {}

  /** The office's choice: which interest is selected. */
  public record SelectionInput(String interestId) {}

  /** A member's own interest. */
  public record InterestView(
      UUID id, UUID opportunityId, String state, String statement, OffsetDateTime expressedAt) {}

  /** An interest as the camp office lists it: the member's shown name, never a contact detail. */
  public record Candidate(
      UUID id,
      UUID memberId,
      String displayName,
      String ageBand,
      String state,
      String statement,
      OffsetDateTime expressedAt) {}

  public record Page<T>(List<T> items, String next) {}

  /** The cursor of the office's list: the last arrival shown. */
  public record After(long arrival) {}

  private static final String MINE =
      "SELECT id, opportunity_id, state, statement, expressed_at FROM opportunity_interest"
          + " WHERE opportunity_id = ?1 AND person_id = ?2 AND state <> 'withdrawn'";

  @Inject EntityManager em;
  @Inject Members members;
  @Inject Opportunities opportunities;
  @Inject Outbox outbox;
  @Inject EventSource events;

  @Transactional
  public InterestView express(String subject, UUID opportunityId, InterestInput input) {
    Member member = members.active(subject);
    Checks checks = Checks.start();
    String statement =
        checks.optionalText("statement", input == null ? null : input.statement(), 1000);
    checks.throwIfAny();
    Opportunity o = opportunities.forMember(opportunityId, member, true);
    open(o);
    if (mine(o.id, member) != null) {
      throw ProblemException.conflict(
          "already-interested",
          "Already interested",
          "You have expressed interest in this opportunity already.");
    }
    UUID id = UUID.randomUUID();
    OffsetDateTime at = opportunities.now();
    em.createNativeQuery(
            "INSERT INTO opportunity_interest (id, opportunity_id, person_id, statement, state,"
                + " expressed_at, changed_at) VALUES (?1, ?2, ?3, ?4, 'interested', ?5, ?5)")
        .setParameter(1, id)
        .setParameter(2, o.id)
        .setParameter(3, member.person().id)
        .setParameter(4, statement)
        .setParameter(5, at)
        .executeUpdate();
    return mine(o.id, member);
  }

  /**
   * Withdraws the member's own interest, also after the deadline; a selected member who withdraws
   * frees the slot, and the provider learns it through the selection event.
   */
  @Transactional
  public void withdraw(String subject, UUID opportunityId) {
    Member member = members.active(subject);
    Opportunity o = opportunities.forMember(opportunityId, member, true);
    InterestView own = mine(o.id, member);
    if (own == null) {
      throw ProblemException.notFound("interest in opportunity " + opportunityId);
    }
    em.createNativeQuery(
            "UPDATE opportunity_interest SET state = 'withdrawn', changed_at = ?2 WHERE id = ?1")
        .setParameter(1, own.id())
        .setParameter(2, opportunities.now())
        .executeUpdate();
    if ("selected".equals(own.state())) {
      announce(o, own.id(), member.person().id, "withdrawn", OpportunitySelectionChanged.WITHDRAWN);
    }
  }

  /**
   * Selects an interested member. Under the opportunity's lock: never more selected than slots,
   * however many selections arrive at once.
   */
  @Transactional
  public Candidate select(UUID opportunityId, SelectionInput input) {
    Checks checks = Checks.start();
    UUID interestId = null;
    String given = input == null ? null : input.interestId();
    if (given == null) {
      checks.reject("interestId", "is required");
    } else {
      try {
        interestId = UUID.fromString(given);
        if (given.length() != 36) {
          checks.reject("interestId", "must be a UUID");
        }
      } catch (IllegalArgumentException bad) {
        checks.reject("interestId", "must be a UUID");
      }
    }
    checks.throwIfAny();
    Opportunity o = opportunities.locked(opportunityId);
    if (o.cancelledAt != null) {
      throw ProblemException.conflict(
          "opportunity-cancelled", "Opportunity cancelled", "A cancelled opportunity is final.");
    }
    List<Candidate> found = candidates("r.id = ?1 AND r.opportunity_id = ?2", interestId, o.id);
    if (found.isEmpty()) {
      throw ProblemException.notFound("interest " + interestId);
    }
    Candidate c = found.get(0);
    if (!"interested".equals(c.state())) {
      throw ProblemException.conflict(
          "not-selectable",
          "Not selectable",
          "Only a live interest not yet selected can be selected (this one is " + c.state() + ").");
    }
    if (selectedCount(o.id) >= o.slots) {
      throw ProblemException.conflict(
          "slots-filled", "Slots filled", "All " + o.slots + " slots are filled.");
    }
    em.createNativeQuery(
            "UPDATE opportunity_interest SET state = 'selected', changed_at = ?2 WHERE id = ?1")
        .setParameter(1, c.id())
        .setParameter(2, opportunities.now())
        .executeUpdate();
    announce(o, c.id(), c.memberId(), "selected", OpportunitySelectionChanged.SELECTED);
    return candidates("r.id = ?1 AND r.opportunity_id = ?2", c.id(), o.id).get(0);
  }

  @Transactional
  public Page<Candidate> candidates(UUID opportunityId, String cursor, int limit, UriInfo uri) {
    After after = cursor == null ? null : Cursors.decode(cursor, After.class);
    opportunities.find(opportunityId);
    List<Object[]> rows =
        rows(
            "r.opportunity_id = ?1 AND r.arrival > ?2 ORDER BY r.arrival LIMIT ?3",
            opportunityId,
            after == null ? 0L : after.arrival(),
            limit + 1);
    List<Candidate> items = rows.stream().limit(limit).map(this::candidate).toList();
    String next =
        rows.size() > limit
            ? Cursors.nextLink(uri, new After(((Number) rows.get(limit - 1)[7]).longValue()))
            : null;
    return new Page<>(items, next);
  }

  /** The member's live interest in the opportunity, or null. */
  public InterestView mine(UUID opportunityId, Member member) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(MINE)
            .setParameter(1, opportunityId)
            .setParameter(2, member.person().id)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new InterestView(
                    (UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], Times.of(r[4])))
        .findFirst()
        .orElse(null);
  }

  public int selectedCount(UUID opportunityId) {
    return counts(opportunityId)[1];
  }

  /** Live interests (interested or selected) and selected ones. */
  public int[] counts(UUID opportunityId) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT count(*) FILTER (WHERE state <> 'withdrawn'),"
                        + " count(*) FILTER (WHERE state = 'selected')"
                        + " FROM opportunity_interest WHERE opportunity_id = ?1")
                .setParameter(1, opportunityId)
                .getSingleResult();
    return new int[] {((Number) row[0]).intValue(), ((Number) row[1]).intValue()};
  }

  private void open(Opportunity o) {
    String state = o.state(opportunities.now());
    if ("cancelled".equals(state)) {
      throw ProblemException.conflict(
          "opportunity-cancelled", "Opportunity cancelled", "A cancelled opportunity is final.");
    }
    if ("closed".equals(state)) {
      throw ProblemException.conflict(
          "deadline-passed",
          "Deadline passed",
          "Interest was taken until " + o.deadline.withOffsetSameInstant(o.offset()) + ".");
    }
  }

  private void announce(Opportunity o, UUID interestId, UUID memberId, String change, String type) {
    OpportunitySelectionChanged data =
        new OpportunitySelectionChanged(
            o.id,
            o.kind,
            interestId,
            memberId,
            change,
            selectedCount(o.id),
            o.slots,
            opportunities.now());
    outbox.append(
        OpportunitySelectionChanged.TOPIC,
        o.id.toString(),
        events.create(type, interestId.toString(), OpportunitySelectionChanged.SCHEMA, data));
  }

  private List<Candidate> candidates(String where, Object... params) {
    return rows(where, params).stream().map(this::candidate).toList();
  }

  private Candidate candidate(Object[] r) {
    return new Candidate(
        (UUID) r[0],
        (UUID) r[1],
        r[2] == null ? "修了生" : (String) r[2],
        AgeBand.of((java.time.LocalDate) r[3], members.today()).code,
        (String) r[4],
        (String) r[5],
        Times.of(r[6]));
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String where, Object... params) {
    var q =
        em.createNativeQuery(
            "SELECT r.id, p.id, p.display_name, p.date_of_birth, r.state, r.statement,"
                + " r.expressed_at, r.arrival FROM opportunity_interest r"
                + " JOIN person p ON p.id = r.person_id WHERE "
                + where);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    return q.getResultList();
  }
}
