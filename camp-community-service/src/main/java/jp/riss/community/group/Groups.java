package jp.riss.community.group;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.member.AgeBand;
import jp.riss.community.member.Member;
import jp.riss.community.member.Members;
import jp.riss.community.member.Person;
import jp.riss.community.member.Scope;
import jp.riss.community.support.Caller;
import jp.riss.community.support.Checks;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;

/**
 * Purpose groups: the camp office creates them and names moderators; members read only the groups
 * they belong to. Minors join only groups with a named camp-office moderator and an age band that
 * admits them; incident-cooperation groups are adult-only and by invitation.
 */
@ApplicationScoped
public class Groups {

  static final Set<String> PURPOSES =
      Set.of("incident-cooperation", "programme-cohort", "region", "topic", "youth-lecture-team");
  static final Set<String> VISIBILITIES = Set.of("open", "invitation");

  public record ModeratorInput(String subject, String displayName) {}

  public record GroupInput(
      String name,
      String purpose,
      String visibility,
      String minAgeBand,
      String description,
      List<ModeratorInput> moderators) {}

  public record ModeratorView(String subject, String displayName) {}

  public record GroupView(
      UUID id,
      String name,
      String purpose,
      String visibility,
      String minAgeBand,
      String description,
      List<ModeratorView> moderators,
      int memberCount,
      boolean hasMinors,
      boolean member,
      long version) {}

  @Inject EntityManager em;
  @Inject Members members;

  @Transactional
  public GroupView create(GroupInput in, Caller caller) {
    Checks c = Checks.start();
    if (in == null) {
      c.reject("body", "is required").throwIfAny();
    }
    String name = c.text("name", in.name(), 100);
    String purpose = c.oneOf("purpose", in.purpose(), PURPOSES);
    String visibility = c.oneOf("visibility", in.visibility(), VISIBILITIES);
    String band = c.oneOf("minAgeBand", in.minAgeBand(), Set.copyOf(AgeBand.codes()));
    String description = c.optionalText("description", in.description(), 1000);
    List<ModeratorInput> mods = in.moderators() == null ? List.of() : in.moderators();
    if (mods.size() > 10) {
      c.reject("moderators", "must hold at most 10 items");
    } else {
      for (int i = 0; i < mods.size(); i++) {
        ModeratorInput m = mods.get(i);
        staff(c, "moderators[" + i + "].subject", m == null ? null : m.subject());
        c.text("moderators[" + i + "].displayName", m == null ? null : m.displayName(), 100);
      }
    }
    if (CommunityGroup.INCIDENT.equals(purpose)) {
      if (visibility != null && !"invitation".equals(visibility)) {
        c.reject("visibility", "must be invitation for incident-cooperation groups");
      }
      if (band != null && !"adult".equals(band)) {
        c.reject("minAgeBand", "must be adult for incident-cooperation groups");
      }
    }
    c.throwIfAny();
    CommunityGroup g = new CommunityGroup();
    g.id = UUID.randomUUID();
    g.name = name;
    g.purpose = purpose;
    g.visibility = visibility;
    g.minAgeBand = band;
    g.description = description == null ? "" : description;
    g.createdAt = members.now();
    em.persist(g);
    em.flush();
    for (ModeratorInput m : mods) {
      addModerator(g.id, m.subject().strip(), m.displayName().strip());
    }
    return view(g, caller);
  }

  @Transactional
  public GroupView addModerator(UUID id, ModeratorInput in, Caller caller) {
    Checks c = Checks.start();
    if (in == null) {
      c.reject("body", "is required").throwIfAny();
    }
    String subject = staff(c, "subject", in.subject());
    String name = c.text("displayName", in.displayName(), 100);
    c.throwIfAny();
    CommunityGroup g = find(id);
    addModerator(g.id, subject, name);
    return view(g, caller);
  }

  /**
   * A moderator's subject, checked: it names camp-office staff, so it may not be the account of an
   * enrolled member. A group of minors may only take them in once it has a named moderator; a
   * member's subject there would satisfy that rule while no staff watches the group.
   */
  private String staff(Checks c, String field, String subject) {
    String checked = c.text(field, subject, 255);
    if (checked != null && members.bySubject(checked).isPresent()) {
      c.reject(field, "is an enrolled member's account; a moderator is camp-office staff");
    }
    return checked;
  }

  private void addModerator(UUID group, String subject, String name) {
    em.createNativeQuery(
            "INSERT INTO group_moderator (group_id, subject, display_name) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT (group_id, subject) DO UPDATE SET display_name = EXCLUDED.display_name")
        .setParameter(1, group)
        .setParameter(2, subject)
        .setParameter(3, name)
        .executeUpdate();
  }

  /**
   * The camp office sees every group; a member their own groups and the open ones they may join.
   */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<GroupView> list(Caller caller) {
    List<CommunityGroup> groups;
    if (caller.office()) {
      groups =
          em.createQuery(
                  "SELECT g FROM CommunityGroup g ORDER BY g.createdAt, g.id", CommunityGroup.class)
              .setMaxResults(500)
              .getResultList();
    } else {
      Member m = members.active(caller.subject());
      m.require(Scope.GROUPS);
      List<UUID> own =
          em.createNativeQuery("SELECT group_id FROM group_member WHERE person_id = ?1")
              .setParameter(1, m.person().id)
              .getResultList();
      groups =
          em
              .createQuery(
                  "SELECT g FROM CommunityGroup g WHERE g.id IN :own OR g.visibility = 'open'"
                      + " ORDER BY g.createdAt, g.id",
                  CommunityGroup.class)
              .setParameter("own", own.isEmpty() ? List.of(new UUID(0, 0)) : own)
              .setMaxResults(500)
              .getResultList()
              .stream()
              .filter(g -> own.contains(g.id) || m.band().atLeast(AgeBand.byCode(g.minAgeBand)))
              .toList();
    }
    return groups.stream().map(g -> view(g, caller)).toList();
  }

  @Transactional
  public GroupView get(UUID id, Caller caller) {
    return view(readable(id, caller), caller);
  }

  /**
   * A member joins an open group that admits their age band. An invitation-only group the member is
   * not in answers 404, as reading it does: a 403 would tell outsiders that it exists. A member
   * already in it joins again with no change, as for an open group.
   */
  @Transactional
  public GroupView join(UUID id, Caller caller) {
    CommunityGroup g = find(id);
    Member m = members.active(caller.subject());
    m.require(Scope.GROUPS);
    if (!"open".equals(g.visibility)) {
      if (!isMember(g.id, m.person().id)) {
        throw ProblemException.notFound("group " + id);
      }
      return view(g, caller);
    }
    admit(g, m);
    return view(g, caller);
  }

  /** The camp office adds (invites) a member. */
  @Transactional
  public GroupView addMember(UUID id, UUID memberId, Caller caller) {
    CommunityGroup g = find(id);
    Person person =
        members
            .byId(memberId)
            .filter(p -> p.subject != null)
            .orElseThrow(() -> ProblemException.notFound("member " + memberId));
    if (person.banned) {
      throw Members.banned("This member is banned; lift the ban before adding them to a group.");
    }
    Member m = members.of(person);
    if (m.minor()) {
      m.require(Scope.GROUPS);
    }
    admit(g, m);
    return view(g, caller);
  }

  private void admit(CommunityGroup g, Member m) {
    if (!m.band().atLeast(AgeBand.byCode(g.minAgeBand))) {
      throw new ProblemException(
          Problem.of(
              403,
              "age-band-too-low",
              "Not for this age band",
              "This group admits members from the age band '" + g.minAgeBand + "' up."));
    }
    if (m.minor() && moderators(g.id).isEmpty()) {
      throw ProblemException.conflict(
          "moderator-required",
          "Moderator required",
          "A group with members under 18 must have a named camp-office moderator first.");
    }
    em.createNativeQuery(
            "INSERT INTO group_member (group_id, person_id, joined_at) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT DO NOTHING")
        .setParameter(1, g.id)
        .setParameter(2, m.person().id)
        .setParameter(3, members.now())
        .executeUpdate();
  }

  /**
   * The group if the caller may read it: a moderator of it, any camp-office staff for its metadata,
   * or a member of it with the groups scope. Others get a 404, so groups they do not belong to stay
   * unknown.
   */
  public CommunityGroup readable(UUID id, Caller caller) {
    CommunityGroup g = find(id);
    if (caller.office()) {
      return g;
    }
    Member m = members.active(caller.subject());
    m.require(Scope.GROUPS);
    if (!isMember(id, m.person().id)) {
      throw ProblemException.notFound("group " + id);
    }
    return g;
  }

  public CommunityGroup find(UUID id) {
    return ProblemException.requireFound(em.find(CommunityGroup.class, id), "group " + id);
  }

  public boolean isMember(UUID group, UUID person) {
    return !em.createNativeQuery(
            "SELECT 1 FROM group_member WHERE group_id = ?1 AND person_id = ?2")
        .setParameter(1, group)
        .setParameter(2, person)
        .getResultList()
        .isEmpty();
  }

  public boolean moderates(UUID group, String subject) {
    return !em.createNativeQuery(
            "SELECT 1 FROM group_moderator WHERE group_id = ?1 AND subject = ?2")
        .setParameter(1, group)
        .setParameter(2, subject)
        .getResultList()
        .isEmpty();
  }

  /** Whether any member of the group is under 18 today. */
  @SuppressWarnings("unchecked")
  public boolean hasMinors(UUID group) {
    java.time.LocalDate adultBornBy = members.today().minusYears(AgeBand.MAJORITY);
    return !em.createNativeQuery(
            "SELECT 1 FROM group_member m JOIN person p ON p.id = m.person_id"
                + " WHERE m.group_id = ?1 AND p.date_of_birth > ?2 LIMIT 1")
        .setParameter(1, group)
        .setParameter(2, adultBornBy)
        .getResultList()
        .isEmpty();
  }

  @SuppressWarnings("unchecked")
  List<ModeratorView> moderators(UUID group) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT subject, display_name FROM group_moderator WHERE group_id = ?1 ORDER BY subject")
            .setParameter(1, group)
            .getResultList();
    return rows.stream().map(r -> new ModeratorView((String) r[0], (String) r[1])).toList();
  }

  private GroupView view(CommunityGroup g, Caller caller) {
    int count =
        ((Number)
                em.createNativeQuery("SELECT count(*) FROM group_member WHERE group_id = ?1")
                    .setParameter(1, g.id)
                    .getSingleResult())
            .intValue();
    boolean member =
        !caller.office()
            && members.bySubject(caller.subject()).map(p -> isMember(g.id, p.id)).orElse(false);
    return new GroupView(
        g.id,
        g.name,
        g.purpose,
        g.visibility,
        g.minAgeBand,
        g.description,
        moderators(g.id),
        count,
        hasMinors(g.id),
        member,
        g.version);
  }

  /** For the clock in {@link Members}: a group's timestamp. */
  OffsetDateTime now() {
    return members.now();
  }
}
