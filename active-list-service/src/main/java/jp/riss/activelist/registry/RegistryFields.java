package jp.riss.activelist.registry;

import java.util.List;

/** The fields of an import record, as JSON-lines members and CSV header names. */
final class RegistryFields {

  static final String REGISTRATION_NUMBER = "registrationNumber";
  static final String REGISTERED_ON = "registeredOn";
  static final String CYCLE_START = "cycleStart";
  static final String EXPIRES_ON = "expiresOn";
  static final String REGISTRATION_STATUS = "registrationStatus";
  static final String ONLINE_STATUS = "onlineCourseStatus";
  static final String ONLINE_COMPLETED_ON = "onlineCourseCompletedOn";
  static final String PRACTICAL_STATUS = "practicalCourseStatus";
  static final String PRACTICAL_COMPLETED_ON = "practicalCourseCompletedOn";

  static final List<String> ALL =
      List.of(
          REGISTRATION_NUMBER,
          REGISTERED_ON,
          CYCLE_START,
          EXPIRES_ON,
          REGISTRATION_STATUS,
          ONLINE_STATUS,
          ONLINE_COMPLETED_ON,
          PRACTICAL_STATUS,
          PRACTICAL_COMPLETED_ON);

  /** The completion dates may be absent: a course not yet completed has none. */
  static final List<String> REQUIRED =
      List.of(
          REGISTRATION_NUMBER,
          REGISTERED_ON,
          CYCLE_START,
          EXPIRES_ON,
          REGISTRATION_STATUS,
          ONLINE_STATUS,
          PRACTICAL_STATUS);

  private RegistryFields() {}
}
