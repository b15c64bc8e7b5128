package jp.riss.activelist.verification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;

/**
 * The objectively verifiable side of a listing (seed lines 621, 1023, 1051), each group with where
 * it came from and when. A group is null until its source has said something.
 */
public record VerifiedFacts(
    Registration registration,
    MandatoryCourses mandatoryCourses,
    DeemedAttendance deemedAttendance,
    PlatformEngagements platformEngagements) {

  public static final String IPA_REGISTRY = "ipa-registry";
  public static final String DEEMED_ATTENDANCE = "deemed-attendance-service";
  public static final String ACTIVE_LIST = "active-list";
  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  public record Registration(
      String status,
      LocalDate registeredOn,
      int yearsRegistered,
      LocalDate cycleStart,
      LocalDate expiresOn,
      String source,
      OffsetDateTime verifiedAt) {}

  public record Course(String status, LocalDate completedOn) {}

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

  public static VerifiedFacts of(
      RegistryEntry registry,
      DeemedAttendanceStatus deemed,
      int engagementsCompleted,
      OffsetDateTime engagementsVerifiedAt) {
    LocalDate today = LocalDate.now(JAPAN);
    return new VerifiedFacts(
        registry == null
            ? null
            : new Registration(
                registry.registrationStatus,
                registry.registeredOn,
                Math.max(0, Period.between(registry.registeredOn, today).getYears()),
                registry.cycleStart,
                registry.expiresOn,
                IPA_REGISTRY,
                registry.verifiedAt),
        registry == null
            ? null
            : new MandatoryCourses(
                new Course(registry.onlineCourseStatus, registry.onlineCourseCompletedOn),
                new Course(registry.practicalCourseStatus, registry.practicalCourseCompletedOn),
                IPA_REGISTRY,
                registry.verifiedAt),
        deemed == null
            ? null
            : new DeemedAttendance(
                deemed.status,
                deemed.cycleStart,
                deemed.cycleExpiry,
                deemed.decidedAt,
                DEEMED_ATTENDANCE,
                deemed.receivedAt),
        new PlatformEngagements(engagementsCompleted, ACTIVE_LIST, engagementsVerifiedAt));
  }
}
