package jp.riss.community.group;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.riss.community.member.Member;
import jp.riss.community.member.Members;
import jp.riss.community.member.Person;
import jp.riss.community.member.Scope;
import jp.riss.community.moderation.Moderation;
import jp.riss.community.moderation.ModerationPatterns;
import jp.riss.community.support.Caller;
import jp.riss.community.support.Checks;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Keyset;
import jp.riss.platform.web.Preconditions;

/**
 * Posts in groups. A post is held for review when it is its author's first, or when the group has a
 * member under 18 and the text carries contact details or an invitation to an outside chat. Readers
 * see only visible posts of authors whose content is in force (not banned, consents in force);
 * authors also see their own held and hidden posts; the group's moderators see all.
 */
@ApplicationScoped
public class Posts {

  static final Set<String> LABELS = Set.of("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:RED");
  static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-z0-9][a-z0-9.+-]{0,99}");
  public static final int MAX_BODY = 4000;
  static final int MAX_ATTACHMENTS = 5;
  static final long MAX_SIZE = 2L * 1024 * 1024 * 1024;

  public record PostInput(String body, List<Post.Attachment> attachments, String sharingLabel) {}

  public record Author(UUID memberId, String displayName) {}

  public record PostView(
      UUID id,
      UUID groupId,
      Author author,
      String body,
      List<Post.Attachment> attachments,
      String sharingLabel,
      String state,
      List<String> heldReasons,
      OffsetDateTime createdAt,
      OffsetDateTime editedAt,
      long version) {}

  public record Page(List<PostView> items, String next) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject Groups groups;
  @Inject ModerationPatterns patterns;
  @Inject Moderation moderation;

  @Transactional
  public PostView create(UUID groupId, PostInput in, Caller caller) {
    CommunityGroup g = groups.readable(groupId, caller);
    if (caller.office()) {
      throw ProblemException.forbidden("camp-office staff moderate groups; members post");
    }
    Member m = members.active(caller.subject());
    if (m.person().postingSuspended) {
      throw new ProblemException(
          Problem.of(
              403,
              "posting-suspended",
              "Posting suspended",
              "Your posting is suspended until a moderator decides on the reports about you."));
    }
    Checked checked = check(in, g);
    OffsetDateTime now = members.now();
    Post p = new Post();
    p.id = UUID.randomUUID();
    p.groupId = g.id;
    p.authorId = m.person().id;
    p.body = checked.body;
    p.attachments = checked.attachments;
    p.sharingLabel = checked.label;
    p.createdAt = now;
    Set<String> reasons = new LinkedHashSet<>(heldReasons(g, p.body));
    boolean first =
        ((Number)
                    em.createNativeQuery("SELECT count(*) FROM post WHERE author_id = ?1")
                        .setParameter(1, p.authorId)
                        .getSingleResult())
                .longValue()
            == 0;
    if (first) {
      reasons.add("first-post");
    }
    p.heldReasons = reasons.toArray(String[]::new);
    p.state = reasons.isEmpty() ? "visible" : "held";
    em.persist(p);
    em.flush();
    if (!reasons.isEmpty()) {
      moderation.hold("post", p.id, g.id, p.authorId, List.copyOf(reasons));
    }
    return view(p, m.person(), true);
  }

  @Transactional
  public PostView update(UUID groupId, UUID postId, String ifMatch, PostInput in, Caller caller) {
    CommunityGroup g = groups.readable(groupId, caller);
    Post p = find(g.id, postId);
    Member m = caller.office() ? null : members.active(caller.subject());
    if (m == null || !p.authorId.equals(m.person().id)) {
      throw ProblemException.forbidden("only the author edits a post");
    }
    if ("removed".equals(p.state)) {
      throw ProblemException.conflict(
          "post-removed", "Post removed", "A removed post cannot be edited.");
    }
    Checked checked = check(in, g);
    Preconditions.requireIfMatch(ifMatch, p.version);
    p.body = checked.body;
    p.attachments = checked.attachments;
    p.sharingLabel = checked.label;
    p.editedAt = members.now();
    List<String> reasons = heldReasons(g, p.body);
    if (!reasons.isEmpty() && !"held".equals(p.state)) {
      p.state = "held";
      p.heldReasons = reasons.toArray(String[]::new);
      em.flush();
      moderation.hold("post", p.id, g.id, p.authorId, reasons);
    }
    em.flush();
    return view(p, m.person(), true);
  }

  @Transactional
  public PostView get(UUID groupId, UUID postId, Caller caller) {
    CommunityGroup g = groups.readable(groupId, caller);
    Post p = find(g.id, postId);
    PostView shown = new Reader(caller, g).see(p);
    if (shown == null) {
      throw ProblemException.notFound("post " + postId);
    }
    return shown;
  }

  /**
   * At most this many rows are read for one page: posts the caller may not see are left out, so a
   * page is filled from further rows, but a group full of hidden posts cannot make one request read
   * it all; past the bound the page is returned short, with {@code next} where reading stopped.
   */
  private static final int ROWS_PER_PAGE_BOUND = 500;

  @Transactional
  public Page list(
      UUID groupId, Caller caller, String cursor, int limit, jakarta.ws.rs.core.UriInfo uri) {
    Keyset at = Keyset.decode(cursor);
    CommunityGroup g = groups.readable(groupId, caller);
    OffsetDateTime atTime = at == null ? null : at.at();
    UUID atId = at == null ? null : at.id();
    Reader reader = new Reader(caller, g);
    List<PostView> shown = new ArrayList<>();
    int read = 0;
    while (true) {
      List<Post> rows = rowsAfter(g.id, atTime, atId, limit + 1);
      boolean more = rows.size() > limit;
      List<Post> batch = more ? rows.subList(0, limit) : rows;
      read += batch.size();
      for (int i = 0; i < batch.size(); i++) {
        Post last = batch.get(i);
        PostView seen = reader.see(last);
        if (seen != null) {
          shown.add(seen);
        }
        boolean full = shown.size() == limit;
        if (full && (i < batch.size() - 1 || more)) {
          return new Page(shown, Keyset.next(uri, last.createdAt, last.id));
        }
        atTime = last.createdAt;
        atId = last.id;
      }
      if (!more) {
        return new Page(shown, null);
      }
      if (read >= ROWS_PER_PAGE_BOUND) {
        return new Page(shown, Keyset.next(uri, atTime, atId));
      }
    }
  }

  /** Up to {@code max} posts of the group after the keyset position, newest first. */
  private List<Post> rowsAfter(UUID groupId, OffsetDateTime atTime, UUID atId, int max) {
    jakarta.persistence.TypedQuery<Post> query =
        em.createQuery(
                "SELECT p FROM Post p WHERE p.groupId = :g"
                    + (atTime == null
                        ? ""
                        : " AND (p.createdAt < :t OR (p.createdAt = :t AND p.id < :i))")
                    + " ORDER BY p.createdAt DESC, p.id DESC",
                Post.class)
            .setParameter("g", groupId);
    if (atTime != null) {
      query.setParameter("t", atTime).setParameter("i", atId);
    }
    return query.setMaxResults(max).getResultList();
  }

  /**
   * Who reads a group's posts, worked out once per request: a moderator of the group, or the member
   * {@code me}; the authors' states are looked up once each.
   */
  private final class Reader {
    final boolean moderator;
    final UUID me;
    final Map<UUID, Person> authors = new HashMap<>();
    final Map<UUID, Member> states = new HashMap<>();

    Reader(Caller caller, CommunityGroup g) {
      moderator = caller.office() && groups.moderates(g.id, caller.subject());
      if (caller.office() && !moderator) {
        throw ProblemException.forbidden("only this group's moderators read its posts");
      }
      me = caller.office() ? null : members.active(caller.subject()).person().id;
    }

    /** The post as this reader may see it, or null when they may not. */
    PostView see(Post p) {
      Person author = authors.computeIfAbsent(p.authorId, id -> members.byId(id).orElseThrow());
      Member state = states.computeIfAbsent(p.authorId, id -> members.of(author));
      boolean own = p.authorId.equals(me);
      boolean inForce =
          !author.banned
              && author.subject != null
              && state.has(Scope.MEMBERSHIP)
              && state.has(Scope.GROUPS);
      if (moderator || own || ("visible".equals(p.state) && inForce)) {
        if (!moderator && !own && "removed".equals(p.state)) {
          return null;
        }
        return view(p, author, moderator || own);
      }
      return null;
    }
  }

  private PostView view(Post p, Person author, boolean withReasons) {
    Member state = members.of(author);
    return new PostView(
        p.id,
        p.groupId,
        new Author(author.id, state.has(Scope.PROFILE_IN_COMMUNITY) ? author.shownName() : "修了生"),
        p.body,
        p.attachments,
        p.sharingLabel,
        p.state,
        withReasons ? List.of(p.heldReasons) : List.of(),
        p.createdAt,
        p.editedAt,
        p.version);
  }

  private Post find(UUID groupId, UUID postId) {
    Post p = em.find(Post.class, postId);
    if (p == null || !p.groupId.equals(groupId)) {
      throw ProblemException.notFound("post " + postId);
    }
    return p;
  }

  /** Held because of the group's minors: contact details and outside-chat invitations. */
  private List<String> heldReasons(CommunityGroup g, String body) {
    if (!groups.hasMinors(g.id)) {
      return List.of();
    }
    return List.copyOf(patterns.kindsIn(body));
  }

  private record Checked(String body, List<Post.Attachment> attachments, String label) {}

  private static Checked check(PostInput in, CommunityGroup g) {
    Checks c = Checks.start();
    if (in == null) {
      c.reject("body", "is required").throwIfAny();
    }
    String body = c.text("body", in.body(), MAX_BODY);
    List<Post.Attachment> attachments = in.attachments() == null ? List.of() : in.attachments();
    if (attachments.size() > MAX_ATTACHMENTS) {
      c.reject("attachments", "must hold at most " + MAX_ATTACHMENTS + " items");
    } else {
      for (int i = 0; i < attachments.size(); i++) {
        attachment(c, "attachments[" + i + "]", attachments.get(i));
      }
    }
    String label = in.sharingLabel();
    if (g.incident()) {
      c.oneOf("sharingLabel", label, LABELS);
    } else if (label != null) {
      c.reject("sharingLabel", "is only for incident-cooperation groups");
    }
    c.throwIfAny();
    return new Checked(body, List.copyOf(attachments), label);
  }

  private static void attachment(Checks c, String prefix, Post.Attachment a) {
    if (a == null) {
      c.reject(prefix, "must be an object");
      return;
    }
    String url = c.text(prefix + ".url", a.url(), 2000);
    if (url != null) {
      try {
        URI uri = new URI(url);
        if (!"https".equals(uri.getScheme())
            || uri.getHost() == null
            || uri.getUserInfo() != null) {
          c.reject(prefix + ".url", "must be an https URL without credentials");
        }
      } catch (java.net.URISyntaxException e) {
        c.reject(prefix + ".url", "must be an https URL without credentials");
      }
    }
    c.text(prefix + ".name", a.name(), 200);
    c.matching(
        prefix + ".mediaType",
        a.mediaType(),
        MEDIA_TYPE,
        "must be a media type such as application/pdf");
    if (a.sizeBytes() < 1 || a.sizeBytes() > MAX_SIZE) {
      c.reject(prefix + ".sizeBytes", "must be from 1 to " + MAX_SIZE);
    }
  }
}
