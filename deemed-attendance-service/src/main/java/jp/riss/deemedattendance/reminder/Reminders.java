package jp.riss.deemedattendance.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import jp.riss.deemedattendance.cycle.Cycle;
import jp.riss.deemedattendance.cycle.CycleStatus;
import jp.riss.deemedattendance.cycle.CycleStatus.PeriodState;
import jp.riss.deemedattendance.cycle.Cycles;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.deemedattendance.reminder.RenewalReminder.Missing;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;

/**
 * Renewal reminders: at each threshold before the renewal due date (120, 90, 75 days), a cycle that
 * still misses requirements no approved application covers gets one reminder event. The (cycle,
 * threshold) row is inserted first, so two runs of the same day can't both send.
 */
@ApplicationScoped
public class Reminders {

  @Inject Clock clock;

  public static final String TAKE_COURSE = "TAKE_COURSE";
  public static final String APPLY_OR_TAKE_COURSE = "APPLY_OR_TAKE_COURSE";
  public static final String SCHEDULE = "SCHEDULE";
  public static final String APPLICATION_REJECTED = "APPLICATION_REJECTED";

  @Inject EntityManager em;
  @Inject Cycles cycles;
  @Inject ReminderConfig config;
  @Inject Outbox outbox;
  @Inject EventSource events;

  /** What one run sent. */
  public record Run(LocalDate today, List<RenewalReminder> sent) {}

  public boolean tooLateToApplyAgain(Cycle cycle, LocalDate today) {
    return RenewalCalendar.daysUntil(today, cycle.renewalDueOn) < config.takeCourseBelowDays();
  }

  @Transactional
  public Run run(LocalDate today) {
    List<Integer> thresholds = new ArrayList<>(config.thresholds());
    Collections.sort(thresholds);
    int widest = thresholds.get(thresholds.size() - 1);
    List<Cycle> due =
        em.createQuery(
                "SELECT c FROM Cycle c WHERE c.startsOn <= :today AND c.renewalDueOn >= :today"
                    + " AND c.renewalDueOn <= :until ORDER BY c.renewalDueOn, c.id",
                Cycle.class)
            .setParameter("today", today)
            .setParameter("until", today.plusDays(widest))
            .getResultList();
    List<RenewalReminder> sent = new ArrayList<>();
    for (Cycle cycle : due) {
      long daysLeft = RenewalCalendar.daysUntil(today, cycle.renewalDueOn);
      // The nearest threshold reached: a run missed on a threshold day still reminds once.
      int threshold = thresholds.stream().filter(t -> daysLeft <= t).findFirst().orElseThrow();
      List<Missing> missing = missing(cycle, today);
      if (missing.isEmpty()) {
        continue;
      }
      String advice = advice(cycle, today, missing);
      RenewalReminder data = reminder(cycle, today, threshold, SCHEDULE, missing, advice, null);
      CloudEvent event =
          events.create(RenewalReminder.TYPE, cycle.id.toString(), RenewalReminder.SCHEMA, data);
      int inserted =
          em.createNativeQuery(
                  "INSERT INTO reminder_sent (cycle_id, threshold, sent_on, event_id, sent_at)"
                      + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
              .setParameter(1, cycle.id)
              .setParameter(2, threshold)
              .setParameter(3, today)
              .setParameter(4, UUID.fromString(event.id()))
              .setParameter(5, OffsetDateTime.now(clock))
              .executeUpdate();
      if (inserted == 1) {
        outbox.append(RenewalReminder.TOPIC, cycle.id.toString(), event);
        sent.add(data);
      }
    }
    return new Run(today, sent);
  }

  /** After a rejection too close to the due date: take the course, don't apply again. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void adviseAfterRejection(Cycle cycle, UUID applicationId, LocalDate today) {
    List<Missing> missing = missing(cycle, today);
    if (missing.isEmpty()) {
      return;
    }
    RenewalReminder data =
        reminder(cycle, today, null, APPLICATION_REJECTED, missing, TAKE_COURSE, applicationId);
    outbox.append(
        RenewalReminder.TOPIC,
        cycle.id.toString(),
        events.create(RenewalReminder.TYPE, cycle.id.toString(), RenewalReminder.SCHEMA, data));
  }

  private String advice(Cycle cycle, LocalDate today, List<Missing> missing) {
    if (tooLateToApplyAgain(cycle, today)) {
      return TAKE_COURSE;
    }
    return missing.stream().anyMatch(Missing::coverableByDeemedAttendance)
        ? APPLY_OR_TAKE_COURSE
        : TAKE_COURSE;
  }

  /**
   * Requirements not done, by the one fulfilment rule of {@link Cycles#status}: a course completion
   * or an approved, not revoked, application covers a requirement.
   */
  private List<Missing> missing(Cycle cycle, LocalDate today) {
    CycleStatus status = cycles.status(cycle, today);
    List<Missing> missing = new ArrayList<>();
    for (CycleStatus.RequirementStatus r : status.requirements()) {
      if (r.done()) {
        continue;
      }
      List<Integer> periods =
          r.periods().stream()
              .filter(p -> p.state() != PeriodState.DONE)
              .map(CycleStatus.PeriodStatus::number)
              .toList();
      missing.add(new Missing(r.kind(), r.name(), periods, r.coverableByDeemedAttendance()));
    }
    return missing;
  }

  private static RenewalReminder reminder(
      Cycle cycle,
      LocalDate today,
      Integer threshold,
      String trigger,
      List<Missing> missing,
      String advice,
      UUID applicationId) {
    return new RenewalReminder(
        cycle.id,
        cycle.registrationNumber,
        cycle.startsOn,
        cycle.expiresOn,
        cycle.renewalDueOn,
        today,
        RenewalCalendar.daysUntil(today, cycle.renewalDueOn),
        threshold,
        trigger,
        missing,
        advice,
        applicationId);
  }
}
