package jp.riss.activelist.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

/**
 * The objectively verifiable side of a listing (seed lines 621, 1023, 1051), each group with where
 * it came from and when. A group is null until its source has said something.
 */
public record VerifiedFacts(
    Registration registration,
    MandatoryCourses mandatoryCourses,
    DeemedAttendance deemedAttendance,
    PlatformEngagements platformEngagements,
    // Absent (not null) without a confirmed link, so listings without one keep their public form.
    @JsonInclude(JsonInclude.Include.NON_NULL) CampAlumnus campAlumnus) {

  public static final String IPA_REGISTRY = "ipa-registry";
  public static final String DEEMED_ATTENDANCE = "deemed-attendance-service";
  public static final String ACTIVE_LIST = "active-list";
  public static final String CAMP_COMMUNITY = "camp-community-service";
  public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  /** The requirement kinds of the deemed-attendance service that are the mandatory courses. */
  static final String ONLINE_COURSE = "online-course";

  static final String PRACTICAL_COURSE = "practical-course";

  public record Registration(
      String status,
      LocalDate registeredOn,
      int yearsRegistered,
      LocalDate cycleStart,
      LocalDate expiresOn,
      String source,
      OffsetDateTime verifiedAt) {}

  /**
   * One mandatory course of the current cycle: COMPLETED (every period done), OVERDUE (a period
   * past its due date undone) or DUE; {@code fulfilledBy} COURSE or DEEMED_ATTENDANCE (an approved
   * application stands in for it), null while not done.
   */
  public record Course(String status, LocalDate completedOn, String fulfilledBy) {

    static Course of(RegistrationChanged.RequirementFacts r, LocalDate today) {
      if (r == null) {
        return null;
      }
      String status = r.done() ? "COMPLETED" : r.overdue(today) ? "OVERDUE" : "DUE";
      LocalDate completedOn =
          r.periods().stream()
              .map(RegistrationChanged.PeriodFacts::completedOn)
              .filter(java.util.Objects::nonNull)
              .max(LocalDate::compareTo)
              .orElse(null);
      String by =
          r.periods().stream().anyMatch(p -> "DEEMED_ATTENDANCE".equals(p.fulfilledBy()))
              ? "DEEMED_ATTENDANCE"
              : r.done() ? "COURSE" : null;
      return new Course(status, completedOn, by);
    }
  }

  public record MandatoryCourses(
      Course onlineCourse, Course practicalCourse, String source, OffsetDateTime verifiedAt) {}

  public record DeemedAttendance(
      String status,
      LocalDate cycleStart,
      LocalDate cycleExpiry,
      OffsetDateTime decidedAt,
      String source,
      OffsetDateTime verifiedAt) {}

  public record PlatformEngagements(int completed, String source, OffsetDateTime verifiedAt) {}

  /**
   * The names of the groups a source has said something about, in a fixed order: what a consumer of
   * {@code activelist.listing.v1} shows as "verified" without copying the facts themselves.
   */
  public java.util.List<String> groups() {
    java.util.List<String> names = new java.util.ArrayList<>();
    if (registration != null) {
      names.add("registration");
    }
    if (mandatoryCourses != null) {
      names.add("mandatoryCourses");
    }
    if (deemedAttendance != null) {
      names.add("deemedAttendance");
    }
    if (platformEngagements != null) {
      names.add("platformEngagements");
    }
    if (campAlumnus != null) {
      names.add("campAlumnus");
    }
    return java.util.List.copyOf(names);
  }

  /**
   * "Security Camp alumnus (programme, year)": completions the camp community verified, linked by
   * the alumnus there and confirmed by this listing's owner here. Null when there is none.
   */
  public record CampAlumnus(
      List<Completion> completions, String source, OffsetDateTime verifiedAt) {

    public record Completion(String programme, String programmeNameJa, int fiscalYear) {}
  }

  /** The facts as of {@code today} (a Japan date: the registry's dates are). */
  public static VerifiedFacts of(
      LocalDate today,
      RegistrationFact registry,
      DeemedAttendanceStatus deemed,
      int engagementsCompleted,
      OffsetDateTime engagementsVerifiedAt,
      CampAlumnus campAlumnus) {
    RegistrationChanged.CycleFacts cycle =
        registry == null ? null : registry.currentCycle(today).orElse(null);
    return new VerifiedFacts(
        cycle == null
            ? null
            : new Registration(
                registry.effectiveStatus(today),
                registry.registeredOn,
                Math.max(0, Period.between(registry.registeredOn, today).getYears()),
                cycle.startsOn(),
                cycle.expiresOn(),
                IPA_REGISTRY,
                registry.changedAt),
        cycle == null
            ? null
            : new MandatoryCourses(
                Course.of(cycle.requirement(ONLINE_COURSE).orElse(null), today),
                Course.of(cycle.requirement(PRACTICAL_COURSE).orElse(null), today),
                IPA_REGISTRY,
                registry.changedAt),
        deemed == null
            ? null
            : new DeemedAttendance(
                deemed.status,
                deemed.cycleStart,
                deemed.cycleExpiry,
                deemed.decidedAt,
                DEEMED_ATTENDANCE,
                deemed.receivedAt),
        new PlatformEngagements(engagementsCompleted, ACTIVE_LIST, engagementsVerifiedAt),
        campAlumnus);
  }
}
