package jp.riss.activelist.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.postgresql.PGConnection;

/**
 * Writes validated records into {@code registry_entry} set-wise: COPY into a temporary table, then
 * one INSERT … ON CONFLICT DO UPDATE that touches only rows whose content changed. Changed and new
 * rows carry this import's id, which is how the criteria re-check finds them.
 */
@ApplicationScoped
class RegistryUpsert {

  /** How many rows were new and how many changed; the rest were already as sent. */
  record Counts(int created, int updated) {}

  private static final String COLUMNS =
      "registration_number, registered_on, cycle_start, expires_on, registration_status,"
          + " online_course_status, online_course_completed_on, practical_course_status,"
          + " practical_course_completed_on";

  private static final String UPSERT =
      "WITH written AS ("
          + " INSERT INTO registry_entry AS r ("
          + COLUMNS
          + ", import_id, verified_at)"
          + " SELECT "
          + COLUMNS
          + ", ?, ? FROM registry_import_row"
          + " ON CONFLICT (registration_number) DO UPDATE SET"
          + " registered_on = EXCLUDED.registered_on, cycle_start = EXCLUDED.cycle_start,"
          + " expires_on = EXCLUDED.expires_on, registration_status = EXCLUDED.registration_status,"
          + " online_course_status = EXCLUDED.online_course_status,"
          + " online_course_completed_on = EXCLUDED.online_course_completed_on,"
          + " practical_course_status = EXCLUDED.practical_course_status,"
          + " practical_course_completed_on = EXCLUDED.practical_course_completed_on,"
          + " import_id = EXCLUDED.import_id, verified_at = EXCLUDED.verified_at"
          + " WHERE (r.registered_on, r.cycle_start, r.expires_on, r.registration_status,"
          + " r.online_course_status, r.online_course_completed_on, r.practical_course_status,"
          + " r.practical_course_completed_on) IS DISTINCT FROM (EXCLUDED.registered_on,"
          + " EXCLUDED.cycle_start, EXCLUDED.expires_on, EXCLUDED.registration_status,"
          + " EXCLUDED.online_course_status, EXCLUDED.online_course_completed_on,"
          + " EXCLUDED.practical_course_status, EXCLUDED.practical_course_completed_on)"
          // xmax is 0 only on a freshly inserted row version: created vs updated.
          + " RETURNING (r.xmax = 0) AS created)"
          + " SELECT count(*) FILTER (WHERE created), count(*) FILTER (WHERE NOT created)"
          + " FROM written";

  @Inject EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  Counts apply(UUID importId, OffsetDateTime verifiedAt, List<RegistryRecord> records) {
    if (records.isEmpty()) {
      return new Counts(0, 0);
    }
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (Statement ddl = connection.createStatement()) {
                ddl.execute(
                    "CREATE TEMP TABLE IF NOT EXISTS registry_import_row ("
                        + " registration_number TEXT PRIMARY KEY, registered_on DATE,"
                        + " cycle_start DATE, expires_on DATE, registration_status TEXT,"
                        + " online_course_status TEXT, online_course_completed_on DATE,"
                        + " practical_course_status TEXT, practical_course_completed_on DATE)"
                        + " ON COMMIT DROP");
              }
              try {
                connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                        "COPY registry_import_row (" + COLUMNS + ") FROM STDIN",
                        new StringReader(copyText(records)));
              } catch (IOException e) {
                throw new SQLException("COPY into registry_import_row failed", e);
              }
              try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setObject(1, importId);
                upsert.setObject(2, verifiedAt);
                try (ResultSet rs = upsert.executeQuery()) {
                  rs.next();
                  return new Counts(rs.getInt(1), rs.getInt(2));
                }
              }
            });
  }

  /** COPY's text format; validated values hold no tabs, backslashes or newlines. */
  private static String copyText(List<RegistryRecord> records) {
    StringBuilder out = new StringBuilder(records.size() * 110);
    for (RegistryRecord r : records) {
      out.append(r.registrationNumber()).append('\t');
      date(out, r.registeredOn()).append('\t');
      date(out, r.cycleStart()).append('\t');
      date(out, r.expiresOn()).append('\t');
      out.append(r.registrationStatus()).append('\t');
      out.append(r.onlineCourseStatus()).append('\t');
      date(out, r.onlineCourseCompletedOn()).append('\t');
      out.append(r.practicalCourseStatus()).append('\t');
      date(out, r.practicalCourseCompletedOn()).append('\n');
    }
    return out.toString();
  }

  private static StringBuilder date(StringBuilder out, LocalDate date) {
    return out.append(date == null ? "\\N" : date.toString());
  }
}
