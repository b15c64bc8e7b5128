package jp.riss.deemedattendance.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.deemedattendance.cycle.CourseCompletion;
import jp.riss.deemedattendance.cycle.Cycle;
import jp.riss.deemedattendance.cycle.CycleStatus;
import jp.riss.deemedattendance.cycle.Cycles;
import jp.riss.deemedattendance.cycle.Registration;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.deemedattendance.registry.RegistrationChanged.CycleFacts;
import jp.riss.deemedattendance.registry.RegistrationChanged.PeriodFacts;
import jp.riss.deemedattendance.registry.RegistrationChanged.RequirementFacts;
import jp.riss.deemedattendance.requirement.RequirementKind;
import jp.riss.deemedattendance.requirement.RequirementKinds;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;

/**
 * Publishes the state of registrations after a change to them (an import, a course completion, an
 * approval or a revocation), through the outbox in the change's transaction. This service is the
 * one owner of IPA's registry facts; other services (the Active List) keep read models of these
 * events instead of importing the registry themselves.
 *
 * <p>Works on many registrations at once with a fixed number of queries, so a bulk import of 1,000
 * records costs a handful of statements, not thousands.
 */
@ApplicationScoped
public class RegistryFacts {

  @Inject Clock clock;

  /** PostgreSQL takes long IN lists, but keep each statement's parameter count modest. */
  private static final int CHUNK = 1000;

  @Inject EntityManager em;
  @Inject Cycles cycles;
  @Inject RequirementKinds kinds;
  @Inject Outbox outbox;
  @Inject EventSource events;

  /** One registration changed. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void changed(String registrationNumber) {
    changed(List.of(registrationNumber));
  }

  /** These registrations changed: one event each, with a raised version. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void changed(Collection<String> registrationNumbers) {
    List<String> all = List.copyOf(new LinkedHashSet<>(registrationNumbers));
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> numbers = all.subList(from, Math.min(all.size(), from + CHUNK));
      em.flush();
      List<Registration> registrations =
          em.createQuery(
                  "SELECT r FROM Registration r WHERE r.registrationNumber IN :numbers"
                      + " ORDER BY r.registrationNumber",
                  Registration.class)
              .setParameter("numbers", numbers)
              .getResultList();
      changed(registrations, cycles.cyclesOf(numbers));
    }
  }

  /**
   * These registrations, with all their cycles, changed: for a caller that already holds them (a
   * bulk import). New registrations may still be unsaved: their version is set before they are
   * inserted, so they cost no extra UPDATE.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void changed(Collection<Registration> registrations, Map<String, List<Cycle>> cycles) {
    List<RequirementKind> requirementKinds = kinds.all();
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    LocalDate today = RenewalCalendar.today(clock);
    List<Registration> all = List.copyOf(registrations);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<Registration> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      List<UUID> cycleIds = new ArrayList<>();
      chunk.forEach(
          r ->
              cycles
                  .getOrDefault(r.registrationNumber, List.of())
                  .forEach(c -> cycleIds.add(c.id)));
      Map<UUID, List<CourseCompletion>> completions = this.cycles.completions(cycleIds);
      Map<UUID, Map<String, UUID>> approvals = this.cycles.approvals(cycleIds);
      List<Outbox.Entry> published = new ArrayList<>(chunk.size());
      for (Registration registration : chunk) {
        List<Cycle> own =
            new ArrayList<>(cycles.getOrDefault(registration.registrationNumber, List.of()));
        own.sort(Comparator.comparing(c -> c.startsOn));
        List<CycleFacts> facts = new ArrayList<>();
        for (Cycle cycle : own) {
          CycleStatus status =
              Cycles.status(
                  cycle,
                  today,
                  completions.getOrDefault(cycle.id, List.of()),
                  approvals.getOrDefault(cycle.id, Map.of()),
                  requirementKinds);
          facts.add(
              new CycleFacts(
                  cycle.startsOn,
                  cycle.expiresOn,
                  cycle.renewalDueOn,
                  status.requirements().stream().map(RegistryFacts::requirement).toList()));
        }
        registration.version++;
        registration.updatedAt = now;
        RegistrationChanged data =
            new RegistrationChanged(
                registration.registrationNumber,
                registration.specialistSubject,
                registration.status,
                registration.registeredOn,
                List.copyOf(facts),
                registration.version,
                now);
        published.add(
            new Outbox.Entry(
                registration.registrationNumber,
                events.create(
                    RegistrationChanged.TYPE,
                    registration.registrationNumber,
                    RegistrationChanged.SCHEMA,
                    data)));
      }
      // One JDBC batch: an import of 1,000 registrations must not pay 1,000 round trips.
      outbox.appendAll(RegistrationChanged.TOPIC, published);
    }
  }

  private static RequirementFacts requirement(CycleStatus.RequirementStatus r) {
    return new RequirementFacts(
        r.kind(),
        r.substitutable(),
        r.done(),
        r.periods().stream()
            .map(
                p ->
                    new PeriodFacts(
                        p.number(),
                        p.startsOn(),
                        p.endsOn(),
                        p.dueOn(),
                        p.state() == CycleStatus.PeriodState.DONE,
                        p.fulfilledBy() == null ? null : p.fulfilledBy().name(),
                        p.applicationId(),
                        p.completedOn()))
            .toList());
  }
}
