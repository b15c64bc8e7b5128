package jp.riss.deemedattendance.imports;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.riss.deemedattendance.cycle.CourseCompletion;
import jp.riss.deemedattendance.cycle.Cycle;
import jp.riss.deemedattendance.cycle.Cycles;
import jp.riss.deemedattendance.cycle.Registration;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.deemedattendance.imports.ImportReport.RowError;
import jp.riss.deemedattendance.registry.RegistryFacts;
import jp.riss.deemedattendance.requirement.Per;
import jp.riss.deemedattendance.requirement.RequirementKind;
import jp.riss.deemedattendance.requirement.RequirementKinds;

/**
 * Imports what IPA's back office knows: cycles (with the registration they belong to) and course
 * completions. Each record is checked on its own; a bad record is reported and skipped, never
 * half-stored. Records are keyed naturally, so sending the same batch again changes nothing. One
 * transaction per import: a failure other than a bad record (a concurrent import of the same data)
 * stores nothing of the batch and may be retried as it is.
 */
@ApplicationScoped
public class Imports {

  @Inject Clock clock;

  /** The 情報処理安全確保支援士 registration began when the amended law took effect. */
  static final LocalDate EARLIEST_CYCLE_START = LocalDate.of(2016, 10, 21);

  /** A renewal cycle is registered ahead of its start by at most this much. */
  static final int MAX_DAYS_AHEAD = 366;

  private static final Pattern REGISTRATION_NUMBER = Pattern.compile("[0-9]{6}");
  private static final String SIX_DIGITS = "must be a string of 6 digits";
  private static final int MAX_SUBJECT = 255;
  private static final int MAX_COURSE_NAME = 200;

  private static final Set<String> CYCLE_FIELDS =
      Set.of(
          "registrationNumber",
          "specialistSubject",
          "cycleStart",
          "registeredOn",
          "registrationStatus");
  private static final Set<String> CYCLE_REQUIRED =
      Set.of("registrationNumber", "specialistSubject", "cycleStart");
  private static final Pattern REGISTRATION_STATUS = Pattern.compile("VALID|SUSPENDED|REVOKED");
  private static final Set<String> COMPLETION_FIELDS =
      Set.of("registrationNumber", "cycleStart", "requirementKind", "courseName", "completedOn");

  @Inject EntityManager em;
  @Inject Cycles cycles;
  @Inject RequirementKinds kinds;
  @Inject RegistryFacts facts;

  private enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /**
   * Records: registrationNumber, specialistSubject (token sub), cycleStart, and optionally
   * registeredOn and registrationStatus (absent: kept as they are; for a new registration the cycle
   * start and VALID). The batch's registrations and cycles are read with three queries and written
   * in JDBC batches; every registration created or changed is published once.
   */
  @Transactional
  public ImportReport cycles(List<JsonNode> records) {
    LocalDate today = RenewalCalendar.today(clock);
    Known known = new Known(records);
    Set<String> changed = new LinkedHashSet<>();
    ImportReport report =
        run(records, CYCLE_FIELDS, CYCLE_REQUIRED, row -> cycle(row, today, known, changed));
    // Published from what the batch already holds (versions set before the new rows are
    // inserted); then registrations first, then their cycles, so the foreign key holds within each
    // JDBC batch.
    facts.changed(changed.stream().map(known.byNumber::get).toList(), known.cycles);
    known.added.forEach(em::persist);
    em.flush();
    known.addedCycles.forEach(em::persist);
    return report;
  }

  /** The registrations and cycles a batch names, read at once, and what the batch adds. */
  private final class Known {
    final Map<String, Registration> byNumber = new HashMap<>();
    final Map<String, Registration> bySubject = new HashMap<>();
    final Map<String, List<Cycle>> cycles = new HashMap<>();
    final List<Registration> added = new ArrayList<>();
    final List<Cycle> addedCycles = new ArrayList<>();

    Known(List<JsonNode> records) {
      Set<String> numbers = new HashSet<>();
      Set<String> subjects = new HashSet<>();
      for (JsonNode record : records) {
        if (record != null && record.path("registrationNumber").isTextual()) {
          numbers.add(record.get("registrationNumber").asText());
        }
        if (record != null && record.path("specialistSubject").isTextual()) {
          subjects.add(record.get("specialistSubject").asText().strip());
        }
      }
      if (!numbers.isEmpty() || !subjects.isEmpty()) {
        em.createQuery(
                "SELECT r FROM Registration r WHERE r.registrationNumber IN :numbers"
                    + " OR r.specialistSubject IN :subjects",
                Registration.class)
            .setParameter("numbers", numbers.isEmpty() ? Set.of("") : numbers)
            .setParameter("subjects", subjects.isEmpty() ? Set.of("") : subjects)
            .getResultList()
            .forEach(this::know);
      }
      cycles.putAll(Imports.this.cycles.cyclesOf(numbers));
    }

    void know(Registration r) {
      byNumber.put(r.registrationNumber, r);
      bySubject.put(r.specialistSubject, r);
    }
  }

  /** Checks everything first and changes only what a wholly valid record says. */
  private Optional<Outcome> cycle(Row row, LocalDate today, Known known, Set<String> changed) {
    String number = row.text("registrationNumber", REGISTRATION_NUMBER, SIX_DIGITS);
    String subject = row.text("specialistSubject", MAX_SUBJECT);
    LocalDate start = row.date("cycleStart");
    LocalDate registeredOn = row.has("registeredOn") ? row.date("registeredOn") : null;
    String status =
        row.has("registrationStatus")
            ? row.text(
                "registrationStatus", REGISTRATION_STATUS, "must be VALID, SUSPENDED or REVOKED")
            : null;
    if (start != null && start.isBefore(EARLIEST_CYCLE_START)) {
      row.reject("cycleStart", "must not be before " + EARLIEST_CYCLE_START);
    } else if (start != null && start.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
      row.reject("cycleStart", "must not be more than " + MAX_DAYS_AHEAD + " days ahead");
    }
    if (registeredOn != null && registeredOn.isBefore(EARLIEST_CYCLE_START)) {
      row.reject("registeredOn", "must not be before " + EARLIEST_CYCLE_START);
    } else if (registeredOn != null && start != null && registeredOn.isAfter(start)) {
      row.reject("registeredOn", "must not be after cycleStart");
    }
    if (!row.ok()) {
      return Optional.empty();
    }
    Registration registration = known.byNumber.get(number);
    if (registration != null && !registration.specialistSubject.equals(subject)) {
      row.reject(
          "specialistSubject",
          "registration number " + number + " belongs to another specialist's account");
      return Optional.empty();
    }
    if (registration == null && known.bySubject.containsKey(subject)) {
      row.reject("specialistSubject", "already belongs to another registration number");
      return Optional.empty();
    }
    List<Cycle> existing = known.cycles.getOrDefault(number, List.of());
    boolean cycleKnown = existing.stream().anyMatch(c -> c.startsOn.equals(start));
    Cycle cycle = cycleKnown ? null : Cycle.starting(number, start, OffsetDateTime.now(clock));
    for (Cycle other : cycleKnown ? List.<Cycle>of() : existing) {
      if (other.overlaps(cycle.startsOn, cycle.expiresOn)) {
        row.reject(
            "cycleStart", "overlaps the cycle from " + other.startsOn + " to " + other.expiresOn);
        return Optional.empty();
      }
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    boolean registrationChanged = false;
    if (registration == null) {
      registration = new Registration();
      registration.registrationNumber = number;
      registration.specialistSubject = subject;
      registration.registeredOn = registeredOn == null ? start : registeredOn;
      registration.status = status == null ? "VALID" : status;
      registration.createdAt = now;
      registration.updatedAt = now;
      known.know(registration);
      known.added.add(registration);
    } else {
      if (registeredOn != null && !registeredOn.equals(registration.registeredOn)) {
        registration.registeredOn = registeredOn;
        registrationChanged = true;
      }
      if (status != null && !status.equals(registration.status)) {
        registration.status = status;
        registrationChanged = true;
      }
    }
    if (cycle != null) {
      known.cycles.computeIfAbsent(number, n -> new ArrayList<>()).add(cycle);
      known.addedCycles.add(cycle);
    }
    if (cycle == null && !registrationChanged) {
      return Optional.of(Outcome.UNCHANGED);
    }
    changed.add(number);
    return Optional.of(cycle != null ? Outcome.CREATED : Outcome.UPDATED);
  }

  /** Records: registrationNumber, cycleStart, requirementKind, courseName, completedOn. */
  @Transactional
  public ImportReport completions(List<JsonNode> records) {
    LocalDate today = RenewalCalendar.today(clock);
    Map<String, RequirementKind> byCode =
        kinds.all().stream().collect(Collectors.toMap(k -> k.code, Function.identity()));
    Set<String> changed = new LinkedHashSet<>();
    ImportReport report =
        run(
            records,
            COMPLETION_FIELDS,
            COMPLETION_FIELDS,
            row -> {
              Optional<Outcome> outcome = completion(row, byCode, today);
              if (outcome.isPresent() && outcome.get() != Outcome.UNCHANGED) {
                changed.add(row.string("registrationNumber"));
              }
              return outcome;
            });
    facts.changed(changed);
    return report;
  }

  private ImportReport run(
      List<JsonNode> records,
      Set<String> fields,
      Set<String> required,
      Function<Row, Optional<Outcome>> importer) {
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int rejected = 0;
    List<RowError> errors = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Row row = new Row(i, records.get(i), fields, required);
      Optional<Outcome> outcome = row.ok() ? importer.apply(row) : Optional.empty();
      if (outcome.isEmpty()) {
        rejected++;
        errors.addAll(row.errors);
        continue;
      }
      switch (outcome.get()) {
        case CREATED -> created++;
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
      }
    }
    return new ImportReport(records.size(), created, updated, unchanged, rejected, errors);
  }

  private Optional<Outcome> completion(
      Row row, Map<String, RequirementKind> byCode, LocalDate today) {
    String number = row.text("registrationNumber", REGISTRATION_NUMBER, SIX_DIGITS);
    LocalDate start = row.date("cycleStart");
    String code = row.text("requirementKind", 40);
    String courseName = row.text("courseName", MAX_COURSE_NAME);
    LocalDate completedOn = row.date("completedOn");
    RequirementKind kind = code == null ? null : byCode.get(code);
    if (code != null && kind == null) {
      row.reject("requirementKind", "must be one of " + byCode.keySet().stream().sorted().toList());
    }
    if (completedOn != null && completedOn.isAfter(today)) {
      row.reject("completedOn", "must not be in the future");
    }
    if (!row.ok()) {
      return Optional.empty();
    }
    if (cycles.registration(number).isEmpty()) {
      row.reject("registrationNumber", "is not a known registration: import its cycle first");
      return Optional.empty();
    }
    Optional<Cycle> found = cycles.cycle(number, start);
    if (found.isEmpty()) {
      row.reject("cycleStart", "is not the start of a cycle of registration number " + number);
      return Optional.empty();
    }
    Cycle cycle = found.get();
    if (completedOn.isBefore(cycle.startsOn) || completedOn.isAfter(cycle.expiresOn)) {
      row.reject(
          "completedOn", "must be within the cycle, " + cycle.startsOn + " to " + cycle.expiresOn);
      return Optional.empty();
    }
    int period =
        kind.per == Per.CYCLE_YEAR
            ? RenewalCalendar.cycleYearOf(cycle.startsOn, completedOn).getAsInt()
            : 1;
    Optional<CourseCompletion> existing = cycles.completion(cycle.id, kind.code, period);
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (existing.isEmpty()) {
      CourseCompletion completion = new CourseCompletion();
      completion.id = UUID.randomUUID();
      completion.cycleId = cycle.id;
      completion.requirementKind = kind.code;
      completion.period = period;
      completion.courseName = courseName;
      completion.completedOn = completedOn;
      completion.recordedAt = now;
      completion.updatedAt = now;
      em.persist(completion);
      em.flush();
      return Optional.of(Outcome.CREATED);
    }
    CourseCompletion slot = existing.get();
    if (!earlier(completedOn, courseName, slot.completedOn, slot.courseName)) {
      // The same record again, or a later one for a slot already filled: nothing to change.
      return Optional.of(Outcome.UNCHANGED);
    }
    // A slot keeps its earliest completion, so the stored state never depends on import order.
    slot.courseName = courseName;
    slot.completedOn = completedOn;
    slot.updatedAt = now;
    em.flush();
    return Optional.of(Outcome.UPDATED);
  }

  private static boolean earlier(LocalDate date, String name, LocalDate otherDate, String other) {
    int byDate = date.compareTo(otherDate);
    return byDate < 0 || byDate == 0 && name.compareTo(other) < 0;
  }
}
