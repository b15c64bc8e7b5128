package jp.riss.deemedattendance.cycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.riss.deemedattendance.cycle.CycleStatus.FulfilledBy;
import jp.riss.deemedattendance.cycle.CycleStatus.PeriodState;
import jp.riss.deemedattendance.cycle.CycleStatus.PeriodStatus;
import jp.riss.deemedattendance.cycle.CycleStatus.RequirementStatus;
import jp.riss.deemedattendance.requirement.Per;
import jp.riss.deemedattendance.requirement.RequirementKind;
import jp.riss.deemedattendance.requirement.RequirementKinds;

/** Finds registrations and cycles, and works out what a cycle still needs. */
@ApplicationScoped
public class Cycles {

  @Inject EntityManager em;
  @Inject RequirementKinds kinds;

  public Optional<Registration> registration(String registrationNumber) {
    return Optional.ofNullable(em.find(Registration.class, registrationNumber));
  }

  public Optional<Registration> registrationOf(String subject) {
    return em.createQuery(
            "SELECT r FROM Registration r WHERE r.specialistSubject = :subject", Registration.class)
        .setParameter("subject", subject)
        .getResultStream()
        .findFirst();
  }

  public List<Cycle> cyclesOf(String registrationNumber) {
    return em.createQuery(
            "SELECT c FROM Cycle c WHERE c.registrationNumber = :number ORDER BY c.startsOn",
            Cycle.class)
        .setParameter("number", registrationNumber)
        .getResultList();
  }

  /** The cycles of many registrations at once, each registration's oldest first. */
  public Map<String, List<Cycle>> cyclesOf(Collection<String> registrationNumbers) {
    Map<String, List<Cycle>> byNumber = new HashMap<>();
    if (registrationNumbers.isEmpty()) {
      return byNumber;
    }
    em.createQuery(
            "SELECT c FROM Cycle c WHERE c.registrationNumber IN :numbers ORDER BY c.startsOn",
            Cycle.class)
        .setParameter("numbers", registrationNumbers)
        .getResultList()
        .forEach(
            c -> byNumber.computeIfAbsent(c.registrationNumber, n -> new ArrayList<>()).add(c));
    return byNumber;
  }

  public Optional<Cycle> cycle(String registrationNumber, LocalDate startsOn) {
    return em.createQuery(
            "SELECT c FROM Cycle c WHERE c.registrationNumber = :number AND c.startsOn = :start",
            Cycle.class)
        .setParameter("number", registrationNumber)
        .setParameter("start", startsOn)
        .getResultStream()
        .findFirst();
  }

  /**
   * The current cycle: the latest one that has started by {@code today}. After an expiry without a
   * renewal it stays the expired cycle (days left negative); a renewal cycle that has not started
   * yet is not current.
   */
  public Optional<Cycle> current(String registrationNumber, LocalDate today) {
    return em.createQuery(
            "SELECT c FROM Cycle c WHERE c.registrationNumber = :number AND c.startsOn <= :today"
                + " ORDER BY c.startsOn DESC",
            Cycle.class)
        .setParameter("number", registrationNumber)
        .setParameter("today", today)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public List<CourseCompletion> completions(UUID cycleId) {
    return em.createQuery(
            "SELECT c FROM CourseCompletion c WHERE c.cycleId = :cycle", CourseCompletion.class)
        .setParameter("cycle", cycleId)
        .getResultList();
  }

  public Optional<CourseCompletion> completion(UUID cycleId, String kind, int period) {
    return em.createQuery(
            "SELECT c FROM CourseCompletion c WHERE c.cycleId = :cycle"
                + " AND c.requirementKind = :kind AND c.period = :period",
            CourseCompletion.class)
        .setParameter("cycle", cycleId)
        .setParameter("kind", kind)
        .setParameter("period", period)
        .getResultStream()
        .findFirst();
  }

  /**
   * The kinds an APPROVED application of the cycle covers, with that application. A REVOKED
   * application is not APPROVED, so a revocation reopens what it covered.
   */
  public Map<String, UUID> approvals(UUID cycleId) {
    return approvals(List.of(cycleId)).getOrDefault(cycleId, Map.of());
  }

  /** {@link #approvals(UUID)} of many cycles at once: cycle id → kind → application id. */
  @SuppressWarnings("unchecked")
  public Map<UUID, Map<String, UUID>> approvals(Collection<UUID> cycleIds) {
    Map<UUID, Map<String, UUID>> byCycle = new HashMap<>();
    if (cycleIds.isEmpty()) {
      return byCycle;
    }
    // Native SQL: the fulfilment rule reads the application table without this package depending
    // on the application package (which depends on this one).
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT cycle_id, requirement_kind, id FROM application"
                    + " WHERE status = 'APPROVED' AND cycle_id IN (?1)"
                    + " ORDER BY submitted_at, id")
            .setParameter(1, cycleIds)
            .getResultList();
    for (Object[] row : rows) {
      byCycle
          .computeIfAbsent((UUID) row[0], id -> new HashMap<>())
          .putIfAbsent((String) row[1], (UUID) row[2]);
    }
    return byCycle;
  }

  /** The completions of many cycles at once, by cycle id. */
  public Map<UUID, List<CourseCompletion>> completions(Collection<UUID> cycleIds) {
    Map<UUID, List<CourseCompletion>> byCycle = new HashMap<>();
    if (cycleIds.isEmpty()) {
      return byCycle;
    }
    em.createQuery(
            "SELECT c FROM CourseCompletion c WHERE c.cycleId IN :cycles", CourseCompletion.class)
        .setParameter("cycles", cycleIds)
        .getResultList()
        .forEach(c -> byCycle.computeIfAbsent(c.cycleId, id -> new ArrayList<>()).add(c));
    return byCycle;
  }

  /** What {@code cycle} needs, as of {@code today}. */
  public CycleStatus status(Cycle cycle, LocalDate today) {
    return status(cycle, today, completions(cycle.id), approvals(cycle.id), kinds.all());
  }

  /**
   * The one fulfilment rule: a period is done by a course completion, or else by an APPROVED, not
   * revoked, application of the cycle for its kind (which covers every period of that kind). The
   * specialist's view, the reminders, the refusal of a second application and the registration
   * event all read it from here.
   */
  public static CycleStatus status(
      Cycle cycle,
      LocalDate today,
      List<CourseCompletion> completions,
      Map<String, UUID> approvals,
      List<RequirementKind> kinds) {
    Map<String, CourseCompletion> bySlot = new HashMap<>();
    for (CourseCompletion completion : completions) {
      bySlot.put(completion.requirementKind + "#" + completion.period, completion);
    }
    List<RequirementStatus> requirements = new ArrayList<>();
    for (RequirementKind kind : kinds) {
      List<PeriodStatus> periods = new ArrayList<>();
      for (int number = 1; number <= kind.periods(); number++) {
        periods.add(
            period(
                cycle,
                kind,
                number,
                bySlot.get(kind.code + "#" + number),
                approvals.get(kind.code),
                today));
      }
      int completed = (int) periods.stream().filter(p -> p.state() == PeriodState.DONE).count();
      boolean done = completed == periods.size();
      // An application is due by the renewal due date, like the courses it stands in for.
      boolean coverable = !done && kind.substitutable && !today.isAfter(cycle.renewalDueOn);
      requirements.add(
          new RequirementStatus(
              kind.code,
              kind.nameJa,
              kind.per,
              periods.size(),
              completed,
              done,
              kind.substitutable,
              coverable,
              List.copyOf(periods)));
    }
    Integer currentYear =
        RenewalCalendar.cycleYearOf(cycle.startsOn, today).stream()
            .boxed()
            .findFirst()
            .orElse(null);
    return new CycleStatus(
        cycle.registrationNumber,
        cycle.startsOn,
        cycle.expiresOn,
        cycle.renewalDueOn,
        today,
        RenewalCalendar.daysUntil(today, cycle.renewalDueOn),
        currentYear,
        requirements.stream().allMatch(RequirementStatus::done),
        List.copyOf(requirements));
  }

  private static PeriodStatus period(
      Cycle cycle,
      RequirementKind kind,
      int number,
      CourseCompletion completion,
      UUID approval,
      LocalDate today) {
    LocalDate from;
    LocalDate to;
    if (kind.per == Per.CYCLE_YEAR) {
      from = RenewalCalendar.cycleYearStart(cycle.startsOn, number);
      to = RenewalCalendar.cycleYearEnd(cycle.startsOn, number);
    } else {
      from = cycle.startsOn;
      to = cycle.expiresOn;
    }
    LocalDate due = to.isBefore(cycle.renewalDueOn) ? to : cycle.renewalDueOn;
    PeriodState state;
    FulfilledBy by = null;
    if (completion != null) {
      state = PeriodState.DONE;
      by = FulfilledBy.COURSE;
    } else if (approval != null) {
      state = PeriodState.DONE;
      by = FulfilledBy.DEEMED_ATTENDANCE;
    } else if (today.isBefore(from)) {
      state = PeriodState.UPCOMING;
    } else if (today.isAfter(due)) {
      state = PeriodState.MISSED;
    } else {
      state = PeriodState.OPEN;
    }
    return new PeriodStatus(
        number,
        from,
        to,
        due,
        state,
        by,
        completion == null ? null : completion.courseName,
        completion == null ? null : completion.completedOn,
        by == FulfilledBy.DEEMED_ATTENDANCE ? approval : null);
  }
}
