package jp.riss.community.opportunity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.community.member.Member;
import jp.riss.community.member.Members;
import jp.riss.community.support.Caller;
import jp.riss.community.support.Checks;
import jp.riss.community.targeting.Targeting;
import jp.riss.community.targeting.TargetingColumns;
import jp.riss.community.targeting.Targetings;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.FilteredPages;
import jp.riss.platform.web.Keyset;
import jp.riss.platform.web.Preconditions;

/**
 * The camp office's opportunities. Members see the open ones that target them; a member under 18
 * sees only minor-suitable ones, and only with the guardian's scope for how it takes place (see
 * {@link Targetings#consentCovers}).
 */
@ApplicationScoped
public class Opportunities {

  static final java.util.Set<String> FORMATS = java.util.Set.of("in-person", "online", "both");

  public record Page(List<OpportunityView> items, String next) {}

  /** Soonest deadline first. */
  private static final Keyset.Order ORDER = Keyset.Order.OLDEST_FIRST;

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Members members;
  @Inject Targetings targetings;
  @Inject OpportunityKinds kinds;
  @Inject Interests interests;

  public OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  @Transactional
  public OpportunityView create(OpportunityInput input) {
    Opportunity o = new Opportunity();
    o.id = UUID.randomUUID();
    o.createdAt = now();
    apply(o, input);
    em.persist(o);
    em.flush();
    return view(o, null);
  }

  /** Replaces an opportunity; slots may not fall below those already selected, nor kind change. */
  @Transactional
  public OpportunityView update(UUID id, String ifMatch, OpportunityInput input) {
    Opportunity probe = new Opportunity();
    apply(probe, input);
    Opportunity o = locked(id);
    Preconditions.requireIfMatch(ifMatch, o.version);
    if (o.cancelledAt != null) {
      throw ProblemException.conflict(
          "opportunity-cancelled", "Opportunity cancelled", "A cancelled opportunity is final.");
    }
    Checks fixed = Checks.start();
    if (!o.kind.equals(probe.kind)) {
      fixed.reject("kind", "is fixed when the opportunity is created");
    }
    int selected = interests.selectedCount(o.id);
    if (probe.slots < selected) {
      fixed.reject("slots", "must not be below the " + selected + " members already selected");
    }
    if (!fixed.ok()) {
      throw new ProblemException(
          Problem.of(409, "opportunity-change-refused", "Change refused", "The change is refused.")
              .withViolations(fixed.violations()));
    }
    apply(o, input);
    em.flush();
    return view(o, null);
  }

  /** Cancels an opportunity: nobody can express interest any more, and nobody more is selected. */
  @Transactional
  public OpportunityView cancel(UUID id, String ifMatch) {
    Opportunity o = locked(id);
    Preconditions.requireIfMatch(ifMatch, o.version);
    if (o.cancelledAt == null) {
      o.cancelledAt = now();
      em.flush();
    }
    return view(o, null);
  }

  @Transactional
  public Page list(Caller caller, String cursor, int limit, UriInfo uri) {
    Keyset after = Keyset.decode(cursor);
    Member member = caller.office() ? null : members.active(caller.subject());
    OffsetDateTime now = now();
    // Targeting is decided per member in Java, so the page is sifted from batches of rows.
    Keyset.Page<Opportunity> page =
        FilteredPages.fill(
            FilteredPages.query(
                position ->
                    em.createQuery(
                            "SELECT o FROM Opportunity o WHERE (:office = true OR (o.deadline >"
                                + " :now AND o.cancelledAt IS NULL))"
                                + ORDER.continuing(position, "o.deadline", "o.id"),
                            Opportunity.class)
                        .setParameter("office", caller.office())
                        .setParameter("now", now)),
            after,
            limit,
            o ->
                member == null
                    || (reaches(o, member) && Targetings.consentCovers(member, o.format)),
            o -> o.deadline,
            o -> o.id);
    return new Page(page.map(o -> view(o, member)).items(), page.nextLink(uri));
  }

  /** The open opportunities that reach the member and their consents cover (for the feed). */
  public List<OpportunityView> openFor(Member member) {
    return em.createQuery(
            "SELECT o FROM Opportunity o WHERE o.deadline > :now AND o.cancelledAt IS NULL"
                + " ORDER BY o.deadline, o.id",
            Opportunity.class)
        .setParameter("now", now())
        .getResultStream()
        .filter(o -> reaches(o, member) && Targetings.consentCovers(member, o.format))
        .map(o -> view(o, member))
        .toList();
  }

  @Transactional
  public OpportunityView get(UUID id, Caller caller) {
    if (caller.office()) {
      return view(find(id), null);
    }
    Member member = members.active(caller.subject());
    return view(forMember(id, member, false), member);
  }

  /**
   * The opportunity as a member may reach it: targeted at them (404 otherwise, so nothing is
   * learned about items for others), covered by a minor's consent (403 naming the scope), and open
   * — unless they already hold an interest in it, which they may always read.
   */
  public Opportunity forMember(UUID id, Member member, boolean lock) {
    Opportunity o = lock ? locked(id) : find(id);
    if (!reaches(o, member)) {
      throw ProblemException.notFound("opportunity " + id);
    }
    if (!Targetings.consentCovers(member, o.format)) {
      throw Member.missing(Targetings.scopeFor(o.format));
    }
    if (!"open".equals(o.state(now())) && interests.mine(o.id, member) == null) {
      throw ProblemException.notFound("opportunity " + id);
    }
    return o;
  }

  boolean reaches(Opportunity o, Member member) {
    return targetings.reaches(o.targeting.value(), o.minorSuitable, member);
  }

  public Opportunity find(UUID id) {
    return ProblemException.requireFound(em.find(Opportunity.class, id), "opportunity " + id);
  }

  /** The opportunity, its row locked until the transaction ends: interest and selection queue. */
  public Opportunity locked(UUID id) {
    return ProblemException.requireFound(
        em.find(Opportunity.class, id, LockModeType.PESSIMISTIC_WRITE), "opportunity " + id);
  }

  public OpportunityView view(Opportunity o, Member member) {
    int[] counts = interests.counts(o.id);
    return new OpportunityView(
        o.id,
        o.kind,
        o.provider,
        o.title,
        o.description,
        o.format,
        o.slots,
        counts[1],
        member == null ? counts[0] : null,
        o.deadline.withOffsetSameInstant(o.offset()),
        o.targeting.value(),
        o.minorSuitable,
        o.state(now()),
        member == null ? null : interests.mine(o.id, member),
        o.version);
  }

  private void apply(Opportunity o, OpportunityInput in) {
    Checks checks = Checks.start();
    if (in == null) {
      checks.reject("body", "is required").throwIfAny();
    }
    String kind = checks.oneOf("kind", in.kind(), kinds.codes());
    String provider = checks.text("provider", in.provider(), 200);
    String title = checks.text("title", in.title(), 200);
    String description = checks.text("description", in.description(), 5000);
    String format = checks.oneOf("format", in.format(), FORMATS);
    Integer slots = checks.integer("slots", in.slots(), 1, 1000);
    OffsetDateTime deadline = checks.dateTime("deadline", in.deadline());
    if (deadline != null && !deadline.isAfter(now())) {
      checks.reject("deadline", "must be in the future");
    }
    Targeting targeting = targetings.check(checks, "targeting", in.targeting(), in.minorSuitable());
    checks.throwIfAny();
    o.kind = kind;
    o.provider = provider;
    o.title = title;
    o.description = description;
    o.format = format;
    o.slots = slots;
    o.deadline = deadline;
    o.utcOffsetSeconds = deadline.getOffset().getTotalSeconds();
    o.targeting = TargetingColumns.of(targeting);
    o.minorSuitable = in.minorSuitable();
  }
}
