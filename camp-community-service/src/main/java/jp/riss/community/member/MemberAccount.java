package jp.riss.community.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.riss.community.consent.GuardianLinks;
import jp.riss.community.support.Checks;
import jp.riss.community.support.Secrets;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Preconditions;

/**
 * A member's own account: redeeming the enrolment code (the only way a token subject becomes a
 * person), the profile, own settings at 18, asking for a guardian link, and deleting the profile.
 */
@ApplicationScoped
public class MemberAccount {

  static final Pattern PREFECTURE = Pattern.compile("0[1-9]|[1-3][0-9]|4[0-7]");
  static final Set<String> AFFILIATIONS = Set.of("student", "employed", "other");

  /** The update a member sends for their profile. */
  public record ProfileChange(
      String displayName,
      String prefecture,
      String municipality,
      String affiliationKind,
      List<String> interests) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject MemberEvents events;
  @Inject GuardianLinks guardianLinks;
  @Inject Completions completions;

  /**
   * Binds the caller's token subject to the person the code was issued to. A wrong, used or expired
   * code gets one and the same answer, which says nothing about any person.
   */
  @Transactional
  public MemberViews.Me enrol(String subject, String code) {
    Checks checks = Checks.start();
    String typed = checks.text("code", code, 32);
    checks.throwIfAny();
    if (members.bySubject(subject).isPresent()) {
      throw ProblemException.conflict(
          "already-enrolled", "Already enrolled", "This account is already a member.");
    }
    OffsetDateTime now = members.now();
    @SuppressWarnings("unchecked")
    List<Object> claimed =
        em.createNativeQuery(
                "UPDATE enrolment_code SET used_at = ?2 WHERE code_hash = ?1 AND used_at IS NULL"
                    + " AND expires_at > ?2 RETURNING person_id")
            .setParameter(1, Secrets.sha256(Secrets.normaliseCode(typed)))
            .setParameter(2, now)
            .getResultList();
    Person person = claimed.isEmpty() ? null : members.byId((UUID) claimed.get(0)).orElse(null);
    if (person == null || person.subject != null) {
      throw new ProblemException(
          Problem.of(
                  400,
                  "enrolment-code-invalid",
                  "Enrolment code not valid",
                  "The code is wrong, used or expired. Ask the camp office for a new one.")
              .withViolations(
                  List.of(new Problem.Violation("code", "is not a valid enrolment code"))));
    }
    person.subject = subject;
    person.enrolledAt = now;
    person.profileDeletedAt = null;
    if (!person.ageBand(members.today()).minor()) {
      person.ownScopes = Scope.adultDefaults().toArray(String[]::new);
      person.ownSettingsAt = now;
    }
    em.flush();
    if (person.ageBand(members.today()).minor() && person.guardianEmail != null) {
      guardianLinks.issue(person);
    }
    events.changed(person, "enrolled");
    return me(person);
  }

  @Transactional
  public MemberViews.Me me(String subject) {
    return me(members.enrolled(subject));
  }

  @Transactional
  public MemberViews.Me update(String subject, String ifMatch, ProfileChange change) {
    Member member = members.active(subject);
    Person person = member.person();
    Checks checks = Checks.start();
    if (change == null) {
      checks.reject("body", "is required").throwIfAny();
    }
    String name = checks.text("displayName", change.displayName(), 50);
    String prefecture =
        checks.matching(
            "prefecture",
            change.prefecture(),
            PREFECTURE,
            "must be a JIS X 0401 prefecture code, 01 to 47");
    String municipality = checks.optionalText("municipality", change.municipality(), 50);
    if (municipality != null && member.minor()) {
      checks.reject(
          "municipality", "is kept for adults only; members under 18 give the prefecture");
    }
    String affiliation = checks.oneOf("affiliationKind", change.affiliationKind(), AFFILIATIONS);
    List<String> interests = change.interests() == null ? List.of() : change.interests();
    if (interests.size() > 10) {
      checks.reject("interests", "must hold at most 10 items");
    } else {
      for (int i = 0; i < interests.size(); i++) {
        checks.text("interests[" + i + "]", interests.get(i), 40);
      }
    }
    checks.throwIfAny();
    Preconditions.requireIfMatch(ifMatch, person.version);
    person.displayName = name;
    person.prefecture = prefecture;
    person.municipality = municipality;
    person.affiliationKind = affiliation;
    person.interests = interests.stream().map(String::strip).toArray(String[]::new);
    em.flush();
    events.changed(person, "profile-updated");
    return me(person);
  }

  /** An adult's own choice of scopes; confirming it ends the most restrictive default at 18. */
  @Transactional
  public MemberViews.Me confirmSettings(String subject, List<String> scopes) {
    Person person = members.enrolled(subject);
    if (person.banned) {
      throw ProblemException.forbidden("a banned account has no settings to confirm");
    }
    if (person.ageBand(members.today()).minor()) {
      throw ProblemException.conflict(
          "guardian-decides",
          "Your guardian decides",
          "Until you are 18 your guardian decides each scope through their own link.");
    }
    Checks checks = Checks.start();
    List<String> chosen = checks.subset("scopes", scopes, Scope.CODES, Scope.values().length);
    checks.throwIfAny();
    person.ownScopes = chosen.stream().distinct().toArray(String[]::new);
    person.ownSettingsAt = members.now();
    em.flush();
    events.changed(person, "settings-confirmed");
    return me(person);
  }

  /** A minor (or the camp office for them) asks for a new link to the guardian on record. */
  @Transactional
  public void requestGuardianLink(String subject) {
    guardianLinks.issue(members.enrolled(subject));
  }

  /**
   * Deletes the profile and everything the member made here; the camp office's completion record
   * (and the person it belongs to) stays, so a new enrolment code can bring them back.
   */
  @Transactional
  public void delete(String subject) {
    Person person = members.enrolled(subject);
    UUID id = person.id;
    for (String sql :
        List.of(
            "DELETE FROM post WHERE author_id = ?1",
            "DELETE FROM direct_message WHERE sender_id = ?1 OR recipient_id = ?1",
            "DELETE FROM group_member WHERE person_id = ?1",
            "DELETE FROM guardian_consent WHERE person_id = ?1",
            "DELETE FROM guardian_link WHERE person_id = ?1",
            "DELETE FROM guardian_email_change WHERE person_id = ?1",
            "DELETE FROM enrolment_code WHERE person_id = ?1")) {
      em.createNativeQuery(sql).setParameter(1, id).executeUpdate();
    }
    person.subject = null;
    person.enrolledAt = null;
    person.displayName = null;
    person.prefecture = null;
    person.municipality = null;
    person.affiliationKind = null;
    person.interests = new String[0];
    person.ownScopes = new String[0];
    person.ownSettingsAt = null;
    person.profileDeletedAt = members.now();
    em.flush();
    events.changed(person, "profile-deleted");
  }

  public MemberViews.Me me(Person person) {
    Member m = members.of(person);
    boolean minor = m.minor();
    return new MemberViews.Me(
        person.id,
        person.displayName,
        m.band().code,
        person.prefecture,
        person.municipality,
        person.affiliationKind,
        Arrays.asList(person.interests),
        completions.of(person.id),
        m.scopes().stream().map(s -> s.code).toList(),
        minor && !m.has(Scope.MEMBERSHIP),
        !minor && !members.ownSettingsInForce(person),
        person.postingSuspended,
        person.banned,
        person.version);
  }
}
