package jp.riss.activelist.registry;

import java.time.LocalDate;

/** One specialist's registry and course-completion record, as validated from an import file. */
record RegistryRecord(
    String registrationNumber,
    LocalDate registeredOn,
    LocalDate cycleStart,
    LocalDate expiresOn,
    String registrationStatus,
    String onlineCourseStatus,
    LocalDate onlineCourseCompletedOn,
    String practicalCourseStatus,
    LocalDate practicalCourseCompletedOn) {}
