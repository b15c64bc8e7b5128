package jp.riss.community.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.consent.Consents;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.time.PlatformClock;

/**
 * Who the caller is, proven by their token: the person whose enrolment code that token subject
 * redeemed. Decides every day afresh what the member may do (age band, consents, bans).
 */
@ApplicationScoped
public class Members {

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Consents consents;

  public LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformClock.JAPAN));
  }

  public OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  public Optional<Person> bySubject(String subject) {
    return em.createQuery("SELECT p FROM Person p WHERE p.subject = :s", Person.class)
        .setParameter("s", subject)
        .getResultStream()
        .findFirst();
  }

  public Optional<Person> byId(UUID id) {
    return Optional.ofNullable(em.find(Person.class, id));
  }

  /** The caller's person, whatever their consents: 403 when the token redeemed no code. */
  public Person enrolled(String subject) {
    return bySubject(subject)
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(
                        403,
                        "not-enrolled",
                        "Not enrolled",
                        "Redeem the enrolment code the camp office mailed you first"
                            + " (POST /api/v1/community/alumni/me/enrolment).")));
  }

  /** The caller as an active member: enrolled, not banned, membership in force. */
  public Member active(String subject) {
    Person person = enrolled(subject);
    if (person.banned) {
      throw banned("A moderator banned this account; see your moderation actions for the reason.");
    }
    Member member = of(person);
    member.require(Scope.MEMBERSHIP);
    return member;
  }

  /** A banned member may not act, nor be added to anything by others, until the ban is lifted. */
  public static ProblemException banned(String detail) {
    return new ProblemException(Problem.of(403, "member-banned", "Banned", detail));
  }

  public Member of(Person person) {
    LocalDate today = today();
    AgeBand band = person.ageBand(today);
    return new Member(person, band, scopes(person, band));
  }

  /**
   * A minor has what their guardian granted and not revoked. An adult has their own confirmed
   * settings — but only settings confirmed on or after their 18th birthday: guardian consents lapse
   * at 18, and until the member confirms, only membership (the most restrictive setting) applies.
   */
  Set<Scope> scopes(Person person, AgeBand band) {
    if (band.minor()) {
      return consents.granted(person.id);
    }
    EnumSet<Scope> scopes = EnumSet.of(Scope.MEMBERSHIP);
    if (ownSettingsInForce(person)) {
      Arrays.stream(person.ownScopes).map(Scope::byCode).forEach(scopes::add);
    }
    return scopes;
  }

  public boolean ownSettingsInForce(Person person) {
    return person.ownSettingsAt != null
        && !person
            .ownSettingsAt
            .atZoneSameInstant(PlatformClock.JAPAN)
            .toLocalDate()
            .isBefore(person.majorityDay());
  }
}
