package jp.riss.community.outcome;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.community.member.Member;
import jp.riss.community.member.Members;
import jp.riss.community.member.Person;
import jp.riss.community.member.Scope;
import jp.riss.platform.mail.MailQueue;
import jp.riss.platform.mail.MailTemplates;
import jp.riss.platform.time.PlatformClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks members once a period (a year by default) to update their status: on each anniversary of
 * their enrolment, one configured period after another. Only members who may give a status are
 * asked ({@link AlumniOutcomes#consented}: a minor's guardian granted {@code surveys}). The prompt
 * row and its mail commit together, and the row's key is the member and the anniversary, so a
 * member is asked once per period however often or concurrently the sweep runs.
 */
@ApplicationScoped
public class OutcomePrompts {

  @Inject EntityManager em;
  @Inject Members members;
  @Inject MailQueue mail;
  @Inject MailTemplates templates;
  @Inject AlumniOutcomes outcomes;

  @ConfigProperty(name = "riss.community.outcomes.prompt-interval", defaultValue = "P1Y")
  Period interval;

  @Scheduled(
      identity = "outcome-prompts",
      every = "{riss.community.outcomes.prompt-sweep}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    run();
  }

  /** Sends the prompts now due; returns how many were sent by this run. */
  @Transactional
  public int run() {
    LocalDate today = members.today();
    OffsetDateTime now = members.now();
    @SuppressWarnings("unchecked")
    List<UUID> candidates =
        em.createNativeQuery(
                "SELECT id FROM person WHERE subject IS NOT NULL AND enrolled_at IS NOT NULL"
                    + " AND NOT banned AND profile_deleted_at IS NULL"
                    + " AND (enrolled_at AT TIME ZONE ?3)::date + CAST(?1 AS interval) <= ?2")
            .setParameter(1, interval.toString())
            .setParameter(2, today)
            .setParameter(3, PlatformClock.JAPAN.getId())
            .getResultList();
    int sent = 0;
    for (UUID id : candidates) {
      Person person = em.find(Person.class, id);
      Member member = members.of(person);
      if (member.has(Scope.MEMBERSHIP) && outcomes.consented(member) && ask(person, today, now)) {
        sent++;
      }
    }
    return sent;
  }

  private boolean ask(Person person, LocalDate today, OffsetDateTime now) {
    LocalDate due = lastAnniversary(enrolledOn(person), today);
    int inserted =
        em.createNativeQuery(
                "INSERT INTO outcome_prompt (person_id, due_on, sent_at) VALUES (?1, ?2, ?3)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, person.id)
            .setParameter(2, due)
            .setParameter(3, now)
            .executeUpdate();
    if (inserted == 0) {
      return false;
    }
    MailTemplates.Rendered m =
        templates.render(
            "outcome-prompt",
            Map.of("name", person.shownName(), "year", Integer.toString(FiscalYear.of(due))));
    mail.send(person.email, m.subject(), m.body(), now);
    return true;
  }

  private static LocalDate enrolledOn(Person person) {
    return person.enrolledAt.atZoneSameInstant(PlatformClock.JAPAN).toLocalDate();
  }

  /** The latest enrolment anniversary (one or more whole periods on) not after today. */
  LocalDate lastAnniversary(LocalDate enrolled, LocalDate today) {
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalStateException("riss.community.outcomes.prompt-interval must be positive");
    }
    int k = 1;
    while (!enrolled.plus(interval.multipliedBy(k + 1)).isAfter(today)) {
      k++;
    }
    return enrolled.plus(interval.multipliedBy(k));
  }
}
