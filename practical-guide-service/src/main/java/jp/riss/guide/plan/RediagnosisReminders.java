package jp.riss.guide.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import jp.riss.guide.diagnosis.Diagnoses;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Proposes re-diagnosis (rule 3): once an organisation's latest diagnosis is as old as the review
 * period ({@code riss.guide.rediagnosis.after}, default 12 months), {@code guide.rediagnosis.v1}
 * goes out, once per diagnosis. A newer diagnosis starts the period again.
 */
@ApplicationScoped
public class RediagnosisReminders {

  @Inject PlanStore store;
  @Inject Diagnoses diagnoses;
  @Inject Outbox outbox;
  @Inject EventSource events;
  @Inject Clock clock;

  @ConfigProperty(name = "riss.guide.rediagnosis.after", defaultValue = "P12M")
  Period after;

  /** What one run sent. */
  public record Run(LocalDate today, List<RediagnosisDue> sent) {}

  /** The day re-diagnosis is due after a diagnosis completed at {@code completedAt}. */
  public LocalDate dueOn(OffsetDateTime completedAt) {
    return completedAt.atZoneSameInstant(Plans.JAPAN).toLocalDate().plus(after);
  }

  @Transactional
  public Run run(LocalDate today) {
    // Diagnoses completed on or before (today − period) in Japan are due.
    OffsetDateTime cutoff =
        today.minus(after).plusDays(1).atStartOfDay(Plans.JAPAN).toOffsetDateTime().minusNanos(1);
    List<RediagnosisDue> sent = new ArrayList<>();
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (PlanStore.Latest latest : store.latestDiagnosesUpTo(cutoff)) {
      LocalDate due = dueOn(latest.completedAt());
      if (!store.recordReminder(latest.diagnosis(), latest.organisation(), due, now)) {
        continue;
      }
      int step =
          diagnoses
              .ofOrganisation(latest.organisation(), latest.diagnosis())
              .orElseThrow()
              .assessment()
              .placedStep();
      RediagnosisDue event =
          new RediagnosisDue(
              latest.organisation(), latest.diagnosis(), latest.completedAt(), step, due);
      outbox.append(
          RediagnosisDue.TOPIC,
          latest.organisation().toString(),
          events.create(
              RediagnosisDue.TYPE, latest.organisation().toString(), RediagnosisDue.SCHEMA, event));
      sent.add(event);
    }
    return new Run(today, sent);
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(Plans.JAPAN));
  }
}
