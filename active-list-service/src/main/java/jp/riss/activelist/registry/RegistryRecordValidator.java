package jp.riss.activelist.registry;

import static jp.riss.activelist.registry.RegistryFields.CYCLE_START;
import static jp.riss.activelist.registry.RegistryFields.EXPIRES_ON;
import static jp.riss.activelist.registry.RegistryFields.ONLINE_COMPLETED_ON;
import static jp.riss.activelist.registry.RegistryFields.ONLINE_STATUS;
import static jp.riss.activelist.registry.RegistryFields.PRACTICAL_COMPLETED_ON;
import static jp.riss.activelist.registry.RegistryFields.PRACTICAL_STATUS;
import static jp.riss.activelist.registry.RegistryFields.REGISTERED_ON;
import static jp.riss.activelist.registry.RegistryFields.REGISTRATION_NUMBER;
import static jp.riss.activelist.registry.RegistryFields.REGISTRATION_STATUS;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one raw row field by field, naming every problem, so IPA can fix a file in one pass. The
 * codes mirror the CHECK constraints of {@code registry_entry} (migration V4).
 */
final class RegistryRecordValidator {

  private static final Pattern NUMBER = Pattern.compile("\\d{6}");
  private static final Set<String> REGISTRATION_STATUSES =
      Set.of("VALID", "EXPIRED", "REVOKED", "SUSPENDED");
  private static final Set<String> COURSE_STATUSES = Set.of("COMPLETED", "DUE", "OVERDUE");

  /** The record, or null with the reasons added to {@code errors}. */
  static RegistryRecord validate(RawRow row, List<RowError> errors) {
    List<RowError> found = new ArrayList<>(row.errors());
    if (found.isEmpty()) {
      Fields f = new Fields(row, found);
      String number = f.required(REGISTRATION_NUMBER);
      if (number != null && !NUMBER.matcher(number).matches()) {
        f.error(REGISTRATION_NUMBER, "must be 6 digits");
      }
      LocalDate registeredOn = f.date(REGISTERED_ON, true);
      LocalDate cycleStart = f.date(CYCLE_START, true);
      LocalDate expiresOn = f.date(EXPIRES_ON, true);
      if (registeredOn != null && cycleStart != null && cycleStart.isBefore(registeredOn)) {
        f.error(CYCLE_START, "must not be before registeredOn");
      }
      if (cycleStart != null && expiresOn != null && !expiresOn.isAfter(cycleStart)) {
        f.error(EXPIRES_ON, "must be after cycleStart");
      }
      String status = f.code(REGISTRATION_STATUS, REGISTRATION_STATUSES);
      String online = f.code(ONLINE_STATUS, COURSE_STATUSES);
      LocalDate onlineOn = f.completion(ONLINE_COMPLETED_ON, online);
      String practical = f.code(PRACTICAL_STATUS, COURSE_STATUSES);
      LocalDate practicalOn = f.completion(PRACTICAL_COMPLETED_ON, practical);
      if (found.isEmpty()) {
        return new RegistryRecord(
            number,
            registeredOn,
            cycleStart,
            expiresOn,
            status,
            online,
            onlineOn,
            practical,
            practicalOn);
      }
    }
    errors.addAll(found);
    return null;
  }

  private RegistryRecordValidator() {}

  /** Field reading that records what is wrong instead of stopping at the first problem. */
  private record Fields(RawRow row, List<RowError> errors) {

    void error(String field, String message) {
      errors.add(new RowError(row.line(), field, message));
    }

    String required(String field) {
      String value = row.values().get(field);
      if (value == null) {
        error(field, "is required");
      }
      return value;
    }

    LocalDate date(String field, boolean required) {
      String value = required ? required(field) : row.values().get(field);
      if (value == null) {
        return null;
      }
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        error(field, "must be a date (YYYY-MM-DD)");
        return null;
      }
    }

    String code(String field, Set<String> allowed) {
      String value = required(field);
      if (value != null && !allowed.contains(value)) {
        error(field, "must be one of " + allowed.stream().sorted().toList());
        return null;
      }
      return value;
    }

    /** A completion date belongs to a COMPLETED course and to no other. */
    LocalDate completion(String field, String courseStatus) {
      LocalDate on = date(field, false);
      if ("COMPLETED".equals(courseStatus) && on == null && row.values().get(field) == null) {
        error(field, "is required when the course is COMPLETED");
      } else if (courseStatus != null && !"COMPLETED".equals(courseStatus) && on != null) {
        error(field, "applies only when the course is COMPLETED");
      }
      return on;
    }
  }
}
