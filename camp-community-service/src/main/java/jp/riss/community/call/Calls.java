package jp.riss.community.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.member.Member;
import jp.riss.community.member.Members;
import jp.riss.community.member.Scope;
import jp.riss.community.support.Checks;
import jp.riss.community.targeting.Targeting;
import jp.riss.community.targeting.TargetingColumns;
import jp.riss.community.targeting.Targetings;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.FilteredPages;
import jp.riss.platform.web.Keyset;

/**
 * Government calls for opinions or participation. A government body issues its own and reads only
 * those; the camp office reads all and may post one for an issuer. Members see the open calls that
 * target them; a member under 18 needs the guardian's {@code government-calls} scope and a call
 * flagged minor-suitable.
 */
@ApplicationScoped
public class Calls {

  static final Set<String> KINDS = Set.of("opinion", "participation");

  public record Page(List<CallView> items, String next) {}

  /** Soonest deadline first. */
  private static final Keyset.Order ORDER = Keyset.Order.OLDEST_FIRST;

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Members members;
  @Inject Targetings targetings;
  @Inject CallResponses responses;

  public OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  @Transactional
  public CallView create(CallInput in, CallCaller caller) {
    Checks checks = Checks.start();
    if (in == null) {
      checks.reject("body", "is required").throwIfAny();
    }
    String kind = checks.oneOf("kind", in.kind(), KINDS);
    String issuer = checks.text("issuer", in.issuer(), 200);
    String title = checks.text("title", in.title(), 200);
    String description = checks.text("description", in.description(), 5000);
    OffsetDateTime deadline = checks.dateTime("deadline", in.deadline());
    if (deadline != null && !deadline.isAfter(now())) {
      checks.reject("deadline", "must be in the future");
    }
    Targeting targeting = targetings.check(checks, "targeting", in.targeting(), in.minorSuitable());
    checks.throwIfAny();
    GovernmentCall c = new GovernmentCall();
    c.id = UUID.randomUUID();
    c.kind = kind;
    c.issuer = issuer;
    c.issuerSubject = caller.issuer() ? caller.subject() : null;
    c.title = title;
    c.description = description;
    c.deadline = deadline;
    c.utcOffsetSeconds = deadline.getOffset().getTotalSeconds();
    c.targeting = TargetingColumns.of(targeting);
    c.minorSuitable = in.minorSuitable();
    c.createdAt = now();
    em.persist(c);
    em.flush();
    return view(c, null);
  }

  @Transactional
  public Page list(CallCaller caller, String cursor, int limit, UriInfo uri) {
    Keyset after = Keyset.decode(cursor);
    Member member = caller.member() ? minorChecked(members.active(caller.subject())) : null;
    OffsetDateTime now = now();
    // Targeting is decided per member in Java, so the page is sifted from batches of rows.
    Keyset.Page<GovernmentCall> page =
        FilteredPages.fill(
            FilteredPages.query(
                position ->
                    em.createQuery(
                            "SELECT c FROM GovernmentCall c WHERE"
                                + " (:office = true OR (:issuer = true AND c.issuerSubject ="
                                + " :subject) OR (:issuer = false AND c.deadline > :now))"
                                + ORDER.continuing(position, "c.deadline", "c.id"),
                            GovernmentCall.class)
                        .setParameter("office", caller.office())
                        .setParameter("issuer", caller.issuer())
                        .setParameter("subject", caller.subject())
                        .setParameter("now", now)),
            after,
            limit,
            c -> member == null || reaches(c, member),
            c -> c.deadline,
            c -> c.id);
    return new Page(page.map(c -> view(c, member)).items(), page.nextLink(uri));
  }

  /** The open calls that reach the member, if their consents allow calls at all (for the feed). */
  public List<CallView> openFor(Member member) {
    if (member.minor() && !member.has(Scope.GOVERNMENT_CALLS)) {
      return List.of();
    }
    return em.createQuery(
            "SELECT c FROM GovernmentCall c WHERE c.deadline > :now ORDER BY c.deadline, c.id",
            GovernmentCall.class)
        .setParameter("now", now())
        .getResultStream()
        .filter(c -> reaches(c, member))
        .map(c -> view(c, member))
        .toList();
  }

  @Transactional
  public CallView get(UUID id, CallCaller caller) {
    if (!caller.member()) {
      return view(managed(id, caller), null);
    }
    Member member = members.active(caller.subject());
    return view(forMember(id, member, false), member);
  }

  /** The call if the caller is the camp office or the body that issued it (404 otherwise). */
  public GovernmentCall managed(UUID id, CallCaller caller) {
    GovernmentCall c = em.find(GovernmentCall.class, id);
    if (c == null
        || !(caller.office() || (caller.issuer() && caller.subject().equals(c.issuerSubject)))) {
      throw ProblemException.notFound("government call " + id);
    }
    return c;
  }

  /**
   * The call as a member may reach it: targeted at them and open, or answered by them already (404
   * otherwise); a minor needs the {@code government-calls} scope (403 naming it).
   */
  public GovernmentCall forMember(UUID id, Member member, boolean lock) {
    minorChecked(member);
    GovernmentCall c =
        lock
            ? em.find(GovernmentCall.class, id, LockModeType.PESSIMISTIC_WRITE)
            : em.find(GovernmentCall.class, id);
    if (c == null
        || !reaches(c, member)
        || (!c.open(now()) && responses.mine(c.id, member) == null)) {
      throw ProblemException.notFound("government call " + id);
    }
    return c;
  }

  private static Member minorChecked(Member member) {
    if (member.minor()) {
      member.require(Scope.GOVERNMENT_CALLS);
    }
    return member;
  }

  private boolean reaches(GovernmentCall c, Member member) {
    return targetings.reaches(c.targeting.value(), c.minorSuitable, member);
  }

  CallView view(GovernmentCall c, Member member) {
    return new CallView(
        c.id,
        c.kind,
        c.issuer,
        c.title,
        c.description,
        c.deadline.withOffsetSameInstant(c.offset()),
        c.targeting.value(),
        c.minorSuitable,
        c.open(now()) ? "open" : "closed",
        member == null ? responses.count(c.id) : null,
        member == null ? null : responses.mine(c.id, member),
        c.version);
  }
}
