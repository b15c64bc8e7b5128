package jp.riss.community.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.riss.community.audience.Audiences;
import jp.riss.community.call.Calls;
import jp.riss.community.event.CommunityEvent;
import jp.riss.community.member.Member;
import jp.riss.community.member.Members;
import jp.riss.community.opportunity.Opportunities;
import jp.riss.community.targeting.Targetings;
import jp.riss.platform.web.Keyset;

/**
 * A member's feed: the open opportunities, government calls and events that target them, soonest
 * deadline first. A member under 18 sees only minor-suitable opportunities and calls, and only what
 * their guardian's scopes cover. Open items are few (their deadlines lie ahead), so they are
 * gathered, decided per member and paged by (deadline, id).
 */
@ApplicationScoped
public class Feed {

  static final String BASE = "/api/v1/community/";

  public record Page(List<FeedItem> items, String next) {}

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Members members;
  @Inject Opportunities opportunities;
  @Inject Calls calls;
  @Inject Audiences audiences;

  @Transactional
  public Page of(String subject, String cursor, int limit, UriInfo uri) {
    Keyset after = Keyset.decode(cursor);
    Member member = members.active(subject);
    List<FeedItem> all = new ArrayList<>();
    opportunities
        .openFor(member)
        .forEach(
            o ->
                all.add(
                    new FeedItem(
                        "opportunity",
                        o.id(),
                        o.kind(),
                        o.title(),
                        o.deadline(),
                        BASE + "opportunities/" + o.id())));
    calls
        .openFor(member)
        .forEach(
            c ->
                all.add(
                    new FeedItem(
                        "government-call",
                        c.id(),
                        c.kind(),
                        c.title(),
                        c.deadline(),
                        BASE + "government-calls/" + c.id())));
    events(member).forEach(all::add);
    List<FeedItem> rest =
        all.stream()
            .sorted(
                Comparator.comparing((FeedItem i) -> i.deadline().toInstant())
                    .thenComparing(FeedItem::id))
            .filter(i -> after == null || isAfter(i, after))
            .toList();
    List<FeedItem> items = rest.stream().limit(limit).toList();
    String next = null;
    if (rest.size() > limit) {
      FeedItem last = items.get(limit - 1);
      next = Keyset.next(uri, last.deadline(), last.id());
    }
    return new Page(items, next);
  }

  private static boolean isAfter(FeedItem i, Keyset after) {
    int c = i.deadline().toInstant().compareTo(after.at().toInstant());
    return c > 0 || (c == 0 && i.id().compareTo(after.id()) > 0);
  }

  /**
   * Events open for registration now whose audience admits the member and whose format their
   * consents cover; youth lectures are left out (pupils register through schools and guardians).
   */
  private List<FeedItem> events(Member member) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return em.createQuery(
            "SELECT e FROM CommunityEvent e WHERE e.state = 'open' AND e.kind <> 'youth-lecture'"
                + " AND e.registrationOpensAt <= :now AND e.registrationClosesAt > :now",
            CommunityEvent.class)
        .setParameter("now", now)
        .getResultStream()
        .filter(e -> audiences.admits(e.audience.value(), member))
        .filter(e -> Targetings.consentCovers(member, e.format))
        .map(
            e ->
                new FeedItem(
                    "event",
                    e.id,
                    e.kind,
                    e.title,
                    e.registrationClosesAt.withOffsetSameInstant(e.offset()),
                    BASE + "events/" + e.id))
        .toList();
  }
}
