package jp.riss.community.edition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.riss.community.support.Checks;

/**
 * Who applied to an edition and who took part, recorded by the camp office one row per applicant
 * (the office's own opaque key, no personal data), so that applicants and participants are counted
 * from records and never typed in as totals. Recording the same applicant again replaces the row.
 */
@ApplicationScoped
public class EditionApplications {

  public static final int MAX_ROWS = 5000;
  static final Pattern REF = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public record Row(String applicantRef, Boolean participated) {}

  public record Batch(List<Row> rows) {}

  public record Recorded(UUID edition, int rows, long applicants, long participants) {}

  @Inject EntityManager em;
  @Inject Editions editions;
  @Inject Clock clock;

  @Transactional
  public Recorded record(UUID editionId, Batch batch) {
    Checks c = Checks.start();
    if (batch == null || batch.rows() == null) {
      c.reject("rows", "is required").throwIfAny();
    }
    List<Row> rows = batch.rows();
    if (rows.isEmpty() || rows.size() > MAX_ROWS) {
      c.reject("rows", "must hold 1 to " + MAX_ROWS + " rows").throwIfAny();
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String at = "rows[" + i + "]";
      if (row == null) {
        c.reject(at, "is required");
        continue;
      }
      String ref =
          c.matching(
              at + ".applicantRef",
              row.applicantRef(),
              REF,
              "must be 1 to 64 letters, digits, '.', '_' or '-'");
      if (ref != null && !seen.add(ref)) {
        c.reject(at + ".applicantRef", "appears more than once in this request");
      }
      if (row.participated() == null) {
        c.reject(at + ".participated", "is required (true or false)");
      }
    }
    c.throwIfAny();
    Edition edition = editions.find(editionId);
    em.lock(edition, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (Row row : rows) {
      em.createNativeQuery(
              "INSERT INTO edition_application (edition_id, applicant_ref, participated,"
                  + " recorded_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (edition_id, applicant_ref)"
                  + " DO UPDATE SET participated = EXCLUDED.participated,"
                  + " recorded_at = EXCLUDED.recorded_at")
          .setParameter(1, editionId)
          .setParameter(2, row.applicantRef())
          .setParameter(3, row.participated())
          .setParameter(4, now)
          .executeUpdate();
    }
    Object[] counts =
        (Object[])
            em.createNativeQuery(
                    "SELECT count(*), count(*) FILTER (WHERE participated)"
                        + " FROM edition_application WHERE edition_id = ?1")
                .setParameter(1, editionId)
                .getSingleResult();
    return new Recorded(
        editionId, rows.size(), ((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
  }
}
