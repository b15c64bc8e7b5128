package jp.riss.community.achievement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.achievement.AchievementViews.Input;
import jp.riss.community.achievement.AchievementViews.ReviewInput;
import jp.riss.community.member.Member;
import jp.riss.community.member.Members;
import jp.riss.community.member.Person;
import jp.riss.community.member.Scope;
import jp.riss.community.support.Caller;
import jp.riss.community.support.Checks;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Keyset;
import jp.riss.platform.web.Preconditions;

/**
 * The life of an achievement or participation report: a member writes a draft naming alumni
 * (themselves always among them), submits it; the camp office reviews (accepts or returns it) and
 * publishes it once every named alumnus consented; the author or the camp office withdraws it. Only
 * its author, the alumni it names and the camp office see an item here; to anyone else it is a 404.
 */
@ApplicationScoped
public class Achievements {

  static final int MAX_NAMED = 10;
  static final Set<String> KINDS = Set.of("achievement", "participation-report");
  static final List<String> STATES =
      List.of("draft", "submitted", "reviewed", "published", "withdrawn");
  static final Set<String> OUTCOMES = Set.of("accept", "return");

  @Inject EntityManager em;
  @Inject Members members;
  @Inject NamedAlumni named;
  @Inject AchievementReference reference;
  @Inject Event<AchievementTouched> touched;

  @Transactional
  public AchievementViews.Achievement create(Caller caller, Input in) {
    Member author = writer(caller);
    Drafted d = check(in, author);
    Achievement a = new Achievement();
    a.id = UUID.randomUUID();
    a.authorId = author.person().id;
    a.state = Achievement.DRAFT;
    a.createdAt = members.now();
    apply(a, d);
    em.persist(a);
    em.flush();
    named.name(a.id, d.named());
    touched.fire(new AchievementTouched(a.id));
    return view(a);
  }

  @Transactional
  public AchievementViews.Achievement update(Caller caller, UUID id, String ifMatch, Input in) {
    Member author = writer(caller);
    // The input is checked before the item is looked up: bad input is a 400 whatever the id.
    Drafted d = check(in, author);
    Achievement a = visible(id, caller);
    requireAuthor(a, author);
    Preconditions.requireIfMatch(ifMatch, a.version);
    requireState(a, Achievement.DRAFT, "edited");
    apply(a, d);
    em.flush();
    named.name(a.id, d.named());
    touched.fire(new AchievementTouched(a.id));
    return view(a);
  }

  @Transactional
  public AchievementViews.Achievement submit(Caller caller, UUID id) {
    Member author = writer(caller);
    Achievement a = visible(id, caller);
    requireAuthor(a, author);
    requireState(a, Achievement.DRAFT, "submitted");
    a.state = Achievement.SUBMITTED;
    a.submittedAt = members.now();
    a.reviewNote = null;
    return changed(a);
  }

  @Transactional
  public AchievementViews.Achievement review(Caller caller, UUID id, ReviewInput in) {
    Checks c = Checks.start();
    if (in == null) {
      c.reject("body", "is required").throwIfAny();
    }
    String outcome = c.oneOf("outcome", in.outcome(), OUTCOMES);
    String note = c.optionalText("note", in.note(), 1000);
    if ("return".equals(outcome) && note == null && c.ok()) {
      c.reject("note", "is required when the item is returned to its author");
    }
    c.throwIfAny();
    Achievement a = visible(id, caller);
    requireState(a, Achievement.SUBMITTED, "reviewed");
    a.reviewNote = note;
    a.reviewedBy = caller.subject();
    a.reviewedAt = members.now();
    a.state = "accept".equals(outcome) ? Achievement.REVIEWED : Achievement.DRAFT;
    return changed(a);
  }

  /** Publishes a reviewed item once every alumnus it names consented to it. */
  @Transactional
  public AchievementViews.Achievement publish(Caller caller, UUID id) {
    Achievement a = visible(id, caller);
    requireState(a, Achievement.REVIEWED, "published");
    long pending = named.of(a.id, a.authorId).stream().filter(r -> !r.granted()).count();
    if (pending > 0) {
      throw ProblemException.conflict(
          "consents-missing",
          "Consents missing",
          pending + " of the alumni this item names have not consented to it.");
    }
    a.state = Achievement.PUBLISHED;
    a.publishedAt = members.now();
    return changed(a);
  }

  /** The author or the camp office takes an item back; it leaves the showcase at once. */
  @Transactional
  public AchievementViews.Achievement withdraw(Caller caller, UUID id) {
    Achievement a = visible(id, caller);
    if (!caller.office()) {
      requireAuthor(a, members.enrolled(caller.subject()));
    }
    if (Achievement.WITHDRAWN.equals(a.state)) {
      throw ProblemException.conflict(
          "achievement-state", "Already withdrawn", "This item is already withdrawn.");
    }
    a.state = Achievement.WITHDRAWN;
    a.withdrawnAt = members.now();
    return changed(a);
  }

  @Transactional
  public AchievementViews.Achievement get(Caller caller, UUID id) {
    return view(visible(id, caller));
  }

  /**
   * The camp office's queue (optionally by state) or a member's own items (written or named in),
   * oldest first.
   */
  @Transactional
  public AchievementViews.Page list(
      Caller caller, String state, Keyset after, int limit, UriInfo uri) {
    if (state != null && !STATES.contains(state)) {
      throw ProblemException.badRequest("state", "must be one of " + STATES);
    }
    UUID me = caller.office() ? null : members.enrolled(caller.subject()).id;
    // Native for the membership join: achievement_person is not an entity.
    String sql =
        "SELECT a.id FROM achievement a WHERE TRUE"
            + (state == null ? "" : " AND a.state = :state")
            + (me == null
                ? ""
                : " AND EXISTS (SELECT 1 FROM achievement_person p WHERE p.achievement_id = a.id"
                    + " AND p.person_id = :me)")
            + (after == null ? "" : " AND (a.created_at, a.id) > (:at, :id)")
            + " ORDER BY a.created_at, a.id LIMIT :limit";
    var query = em.createNativeQuery(sql).setParameter("limit", limit + 1);
    if (state != null) {
      query.setParameter("state", state);
    }
    if (me != null) {
      query.setParameter("me", me);
    }
    if (after != null) {
      query.setParameter("at", after.at()).setParameter("id", after.id());
    }
    @SuppressWarnings("unchecked")
    List<UUID> ids = query.getResultList();
    // Only the page's rows are loaded; the persistence context serves the last one twice.
    Keyset.Page<UUID> page =
        Keyset.page(ids, limit, id -> em.find(Achievement.class, id).createdAt, id -> id);
    return new AchievementViews.Page(
        page.map(id -> view(em.find(Achievement.class, id))).items(), page.nextLink(uri));
  }

  /** The item if the caller may see it: the camp office, its author or an alumnus it names. */
  Achievement visible(UUID id, Caller caller) {
    Achievement a = em.find(Achievement.class, id);
    if (a != null && !caller.office()) {
      Person me = members.enrolled(caller.subject());
      if (!a.authorId.equals(me.id) && !named.names(a.id, me.id)) {
        a = null;
      }
    }
    if (a == null) {
      throw ProblemException.notFound("achievement " + id);
    }
    return a;
  }

  /** Writing is publishing-bound: a minor needs the guardian's `publication` scope to write. */
  private Member writer(Caller caller) {
    Member m = members.active(caller.subject());
    if (m.minor()) {
      m.require(Scope.PUBLICATION);
    }
    return m;
  }

  private record Drafted(
      String kind, String category, String audience, String title, String body, List<UUID> named) {}

  private Drafted check(Input in, Member author) {
    Checks c = Checks.start();
    if (in == null) {
      c.reject("body", "is required").throwIfAny();
    }
    String kind = c.oneOf("kind", in.kind(), KINDS);
    String category = null;
    if ("achievement".equals(kind)) {
      category = c.oneOf("category", in.category(), reference.categories());
    } else if (kind != null && in.category() != null) {
      c.reject("category", "is given for achievements only");
    } else if (in.category() != null) {
      // The kind is named already; the category's own bound is still checked.
      c.optionalText("category", in.category(), 40);
    }
    String audience = c.oneOf("audience", in.audience(), reference.audiences());
    String title = c.text("title", in.title(), 120);
    String body = c.text("body", in.body(), 4000);
    Set<UUID> people = new LinkedHashSet<>();
    people.add(author.person().id);
    List<String> ids = in.namedMemberIds() == null ? List.of() : in.namedMemberIds();
    if (ids.size() > MAX_NAMED - 1) {
      c.reject("namedMemberIds", "must hold at most " + (MAX_NAMED - 1) + " items");
    } else {
      for (int i = 0; i < ids.size(); i++) {
        String field = "namedMemberIds[" + i + "]";
        UUID id = uuid(c, field, ids.get(i));
        if (id == null) {
          continue;
        }
        Person p = members.byId(id).orElse(null);
        if (p == null || p.subject == null || p.banned) {
          c.reject(field, "is not a member");
        } else if (!people.add(id)) {
          c.reject(field, "must not repeat a member or name the author");
        }
      }
    }
    c.throwIfAny();
    return new Drafted(kind, category, audience, title, body, List.copyOf(people));
  }

  private static UUID uuid(Checks c, String field, String value) {
    try {
      if (value != null && value.length() == 36) {
        return UUID.fromString(value);
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    c.reject(field, "must be a UUID");
    return null;
  }

  private static void apply(Achievement a, Drafted d) {
    a.kind = d.kind();
    a.category = d.category();
    a.audience = d.audience();
    a.title = d.title();
    a.body = d.body();
  }

  private static void requireAuthor(Achievement a, Member author) {
    requireAuthor(a, author.person());
  }

  private static void requireAuthor(Achievement a, Person person) {
    if (!a.authorId.equals(person.id)) {
      throw ProblemException.forbidden("only the author may do this with the item");
    }
  }

  private static void requireState(Achievement a, String state, String verb) {
    if (!state.equals(a.state)) {
      throw ProblemException.conflict(
          "achievement-state",
          "Not possible in this state",
          "Only a " + state + " item can be " + verb + "; this one is " + a.state + ".");
    }
  }

  private AchievementViews.Achievement changed(Achievement a) {
    em.flush();
    touched.fire(new AchievementTouched(a.id));
    return view(a);
  }

  AchievementViews.Achievement view(Achievement a) {
    return new AchievementViews.Achievement(
        a.id,
        a.kind,
        a.category,
        a.audience,
        a.title,
        a.body,
        a.state,
        a.authorId,
        named.of(a.id, a.authorId).stream()
            .map(r -> new AchievementViews.Named(r.personId(), r.consent(), r.fields()))
            .toList(),
        a.reviewNote,
        a.createdAt,
        a.publishedAt,
        a.withdrawnAt,
        a.version);
  }
}
