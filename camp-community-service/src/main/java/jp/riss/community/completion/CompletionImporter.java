package jp.riss.community.completion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.member.Members;
import jp.riss.community.support.Secrets;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.mail.MailQueue;
import jp.riss.platform.outbox.Outbox;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.sql.CopyText;
import jp.riss.platform.time.PlatformClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Imports the camp office's completion records (up to 20,000 rows). All or nothing by default: any
 * bad row answers one problem naming every bad row, and nothing is stored; in partial mode the good
 * rows are stored and the bad ones reported. Idempotent by row key. Rows are written set-wise (COPY
 * into a temporary table, then one upsert per table). Every person who newly holds a verified
 * completion of a community-eligible programme gets a one-time enrolment code by mail.
 */
@ApplicationScoped
public class CompletionImporter {

  public static final int MAX_ROWS = 20_000;

  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(CompletionImporter.class);

  @Inject EntityManager em;
  @Inject Members members;
  @Inject MailQueue mail;
  @Inject Outbox outbox;
  @Inject EventSource events;

  @ConfigProperty(name = "riss.community.enrolment.code-validity", defaultValue = "P30D")
  Duration codeValidity;

  @Transactional
  public ImportReport run(String actor, String mediaType, byte[] body, boolean partial) {
    long started = System.nanoTime();
    OffsetDateTime now = members.now();
    LocalDate today = members.today();
    List<RawRows.Raw> raws = RawRows.read(mediaType, body, MAX_ROWS);
    CompletionRowValidator validator =
        new CompletionRowValidator(programmeCodes(), editions(), today);
    List<RowError> errors = new ArrayList<>();
    List<CompletionRow> rows = new ArrayList<>(raws.size());
    for (RawRows.Raw raw : raws) {
      CompletionRow row = validator.validate(raw, errors);
      if (row != null) {
        rows.add(row);
      }
    }
    long validated = System.nanoTime();
    UUID id = UUID.randomUUID();
    Result result =
        em.unwrap(Session.class).doReturningWork(c -> write(c, id, now, rows, errors, partial));
    Set<Integer> rejectedRows = new HashSet<>();
    errors.forEach(e -> rejectedRows.add(e.row()));
    if (!errors.isEmpty() && !partial) {
      errors.sort(java.util.Comparator.comparingInt(RowError::row));
      throw new ProblemException(
          Problems.validation(CompletionRowValidator.asViolations(errors))
              .with("rejectedRows", rejectedRows.size())
              .with(
                  "hint",
                  "Nothing was stored. Correct the rows named, or send mode=partial to store the"
                      + " good rows."));
    }
    long written = System.nanoTime();
    int codes = issueCodes(result.touchedPersons(), now);
    errors.sort(java.util.Comparator.comparingInt(RowError::row));
    int rejected = rejectedRows.size();
    int unchanged = raws.size() - rejected - result.created() - result.updated();
    long ms = (System.nanoTime() - started) / 1_000_000;
    LOG.infof(
        "completion import %s: %d rows read and checked in %d ms, written in %d ms, %d codes in %d ms",
        id,
        raws.size(),
        (validated - started) / 1_000_000,
        (written - validated) / 1_000_000,
        codes,
        (System.nanoTime() - written) / 1_000_000);
    ImportReport report =
        new ImportReport(
            id,
            now,
            partial ? "partial" : "all",
            raws.size(),
            result.created(),
            result.updated(),
            unchanged,
            rejected,
            codes,
            List.copyOf(errors),
            ms);
    em.createNativeQuery(
            "INSERT INTO completion_import (id, actor, received_at, media_type, rows, created,"
                + " updated, unchanged, rejected, codes_sent, duration_ms)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        .setParameter(1, id)
        .setParameter(2, actor)
        .setParameter(3, now)
        .setParameter(4, mediaType)
        .setParameter(5, report.rows())
        .setParameter(6, report.created())
        .setParameter(7, report.updated())
        .setParameter(8, report.unchanged())
        .setParameter(9, report.rejected())
        .setParameter(10, codes)
        .setParameter(11, ms)
        .executeUpdate();
    outbox.append(
        CompletionsImported.TOPIC,
        id.toString(),
        events.create(
            CompletionsImported.TYPE,
            id.toString(),
            CompletionsImported.SCHEMA,
            new CompletionsImported(
                id,
                report.rows(),
                report.created(),
                report.updated(),
                report.unchanged(),
                report.rejected(),
                codes)));
    return report;
  }

  private record Result(int created, int updated, List<UUID> touchedPersons) {}

  private static final String TEMP =
      "CREATE TEMP TABLE IF NOT EXISTS completion_import_row (row_number INTEGER, row_key TEXT,"
          + " person_ref TEXT, full_name TEXT, email TEXT, date_of_birth DATE, guardian_email TEXT,"
          + " programme_code TEXT, fiscal_year INTEGER, edition_id UUID, verified BOOLEAN)"
          + " ON COMMIT DROP";

  private static final String PERSONS =
      "INSERT INTO person AS p (id, person_ref, full_name, email, date_of_birth, guardian_email,"
          + " created_at) SELECT DISTINCT ON (person_ref) gen_random_uuid(), person_ref, full_name,"
          + " email, date_of_birth, guardian_email, ? FROM completion_import_row"
          + " ORDER BY person_ref, row_number"
          + " ON CONFLICT (person_ref) DO UPDATE SET full_name = EXCLUDED.full_name,"
          + " email = EXCLUDED.email, date_of_birth = EXCLUDED.date_of_birth,"
          + " guardian_email = EXCLUDED.guardian_email, version = p.version + 1"
          + " WHERE (p.full_name, p.email, p.date_of_birth, p.guardian_email) IS DISTINCT FROM"
          + " (EXCLUDED.full_name, EXCLUDED.email, EXCLUDED.date_of_birth, EXCLUDED.guardian_email)";

  private static final String COMPLETIONS =
      "WITH written AS (INSERT INTO completion AS c (id, row_key, person_id, programme_code,"
          + " fiscal_year, edition_id, verified, import_id, recorded_at)"
          + " SELECT gen_random_uuid(), t.row_key, p.id, t.programme_code, t.fiscal_year,"
          + " t.edition_id, t.verified, ?, ? FROM completion_import_row t"
          + " JOIN person p ON p.person_ref = t.person_ref"
          + " ON CONFLICT (row_key) DO UPDATE SET programme_code = EXCLUDED.programme_code,"
          + " fiscal_year = EXCLUDED.fiscal_year, edition_id = EXCLUDED.edition_id,"
          + " verified = EXCLUDED.verified, import_id = EXCLUDED.import_id,"
          + " recorded_at = EXCLUDED.recorded_at"
          + " WHERE (c.programme_code, c.fiscal_year, c.edition_id, c.verified) IS DISTINCT FROM"
          + " (EXCLUDED.programme_code, EXCLUDED.fiscal_year, EXCLUDED.edition_id,"
          + " EXCLUDED.verified)"
          + " RETURNING (c.xmax = 0) AS created)"
          + " SELECT count(*) FILTER (WHERE created), count(*) FILTER (WHERE NOT created)"
          + " FROM written";

  private Result write(
      Connection c,
      UUID importId,
      OffsetDateTime now,
      List<CompletionRow> rows,
      List<RowError> errors,
      boolean partial)
      throws SQLException {
    try (Statement ddl = c.createStatement()) {
      ddl.execute(TEMP);
      ddl.execute("TRUNCATE completion_import_row");
    }
    CopyText.copyIn(c, "COPY completion_import_row FROM STDIN", copyText(rows));
    // A row key the camp office already used for another person is a mistake in the file.
    List<Integer> conflicting = new ArrayList<>();
    try (Statement q = c.createStatement();
        ResultSet rs =
            q.executeQuery(
                "SELECT t.row_number FROM completion_import_row t"
                    + " JOIN completion c ON c.row_key = t.row_key"
                    + " JOIN person p ON p.id = c.person_id WHERE p.person_ref <> t.person_ref"
                    + " ORDER BY t.row_number")) {
      while (rs.next()) {
        conflicting.add(rs.getInt(1));
        errors.add(
            new RowError(
                rs.getInt(1), "rowKey", "is already the key of another person's completion"));
      }
    }
    if (!errors.isEmpty() && !partial) {
      return new Result(0, 0, List.of());
    }
    if (!conflicting.isEmpty()) {
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM completion_import_row WHERE row_number = ANY (?)")) {
        delete.setArray(1, c.createArrayOf("integer", conflicting.toArray()));
        delete.executeUpdate();
      }
    }
    try (PreparedStatement persons = c.prepareStatement(PERSONS)) {
      persons.setObject(1, now);
      persons.executeUpdate();
    }
    // Links to a guardian address the camp office no longer has on record stop working.
    try (PreparedStatement links =
        c.prepareStatement(
            "UPDATE guardian_link l SET expires_at = ? FROM person p WHERE p.id = l.person_id"
                + " AND l.used_at IS NULL AND l.expires_at > ? AND l.sent_to IS DISTINCT FROM"
                + " p.guardian_email")) {
      links.setObject(1, now);
      links.setObject(2, now);
      links.executeUpdate();
    }
    int created;
    int updated;
    try (PreparedStatement upsert = c.prepareStatement(COMPLETIONS)) {
      upsert.setObject(1, importId);
      upsert.setObject(2, now);
      try (ResultSet rs = upsert.executeQuery()) {
        rs.next();
        created = rs.getInt(1);
        updated = rs.getInt(2);
      }
    }
    List<UUID> touched = new ArrayList<>();
    try (Statement q = c.createStatement();
        ResultSet rs =
            q.executeQuery(
                "SELECT DISTINCT p.id FROM completion_import_row t"
                    + " JOIN person p ON p.person_ref = t.person_ref")) {
      while (rs.next()) {
        touched.add((UUID) rs.getObject(1));
      }
    }
    return new Result(created, updated, touched);
  }

  /**
   * One code per person who holds a verified completion of a community-eligible programme, is not
   * enrolled, did not delete their profile and has no live code yet. The code is mailed; only its
   * digest is stored.
   */
  private int issueCodes(List<UUID> persons, OffsetDateTime now) {
    if (persons.isEmpty()) {
      return 0;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> candidates =
        em.createNativeQuery(
                "SELECT p.id, p.email FROM person p WHERE p.id = ANY (CAST(string_to_array(?1, ',') AS uuid[]))"
                    + " AND p.subject IS NULL AND p.profile_deleted_at IS NULL"
                    + " AND EXISTS (SELECT 1 FROM completion c JOIN programme g"
                    + " ON g.code = c.programme_code WHERE c.person_id = p.id AND c.verified"
                    + " AND g.community_eligible)"
                    + " AND NOT EXISTS (SELECT 1 FROM enrolment_code e WHERE e.person_id = p.id"
                    + " AND e.used_at IS NULL AND e.expires_at > ?2)")
            .setParameter(1, String.join(",", persons.stream().map(UUID::toString).toList()))
            .setParameter(2, now)
            .getResultList();
    if (candidates.isEmpty()) {
      return 0;
    }
    OffsetDateTime expires = now.plus(codeValidity);
    String until = expires.atZoneSameInstant(PlatformClock.JAPAN).toLocalDate().toString();
    StringBuilder copy = new StringBuilder(candidates.size() * 120);
    Map<UUID, String> codes = new HashMap<>();
    for (Object[] candidate : candidates) {
      String code = Secrets.enrolmentCode();
      codes.put((UUID) candidate[0], code);
      copy.append(Secrets.sha256(Secrets.normaliseCode(code)))
          .append('\t')
          .append(candidate[0])
          .append('\t')
          .append(expires)
          .append('\n');
    }
    CopyText.copyIn(em, "COPY enrolment_code (code_hash, person_id, expires_at) FROM STDIN", copy);
    List<MailQueue.Message> messages = new ArrayList<>(candidates.size());
    for (Object[] candidate : candidates) {
      messages.add(
          new MailQueue.Message(
              (String) candidate[1],
              "【セキュリティ・キャンプ修了生コミュニティ】登録コードのお知らせ",
              "セキュリティ・キャンプ修了生コミュニティへの登録コードをお送りします。\n\n登録コード: "
                  + codes.get((UUID) candidate[0])
                  + "\n有効期限: "
                  + until
                  + "（1回限り）\n\nコミュニティにログインし、登録コードを入力してください。"
                  + "18歳未満の方は、登録後に保護者の方へ同意のお願いが届きます。\n"));
    }
    mail.sendAll(messages, now);
    return candidates.size();
  }

  private Set<String> programmeCodes() {
    return new HashSet<>(
        em.createQuery("SELECT p.code FROM Programme p", String.class).getResultList());
  }

  @SuppressWarnings("unchecked")
  private Map<UUID, CompletionRowValidator.EditionRef> editions() {
    Map<UUID, CompletionRowValidator.EditionRef> out = new HashMap<>();
    List<Object[]> rows =
        em.createNativeQuery("SELECT id, programme_code, fiscal_year FROM edition").getResultList();
    rows.forEach(
        r ->
            out.put(
                (UUID) r[0],
                new CompletionRowValidator.EditionRef((String) r[1], ((Number) r[2]).intValue())));
    return out;
  }

  /** COPY text format; validated values hold no tabs, backslashes or line breaks but may hold \. */
  private static String copyText(List<CompletionRow> rows) {
    StringBuilder out = new StringBuilder(rows.size() * 160);
    for (CompletionRow r : rows) {
      out.append(r.number()).append('\t');
      text(out, r.rowKey()).append('\t');
      text(out, r.personRef()).append('\t');
      text(out, r.fullName()).append('\t');
      text(out, r.email()).append('\t');
      out.append(r.dateOfBirth()).append('\t');
      text(out, r.guardianEmail()).append('\t');
      text(out, r.programme()).append('\t');
      out.append(r.fiscalYear()).append('\t');
      out.append(r.edition() == null ? "\\N" : r.edition().toString()).append('\t');
      out.append(r.verified()).append('\n');
    }
    return out.toString();
  }

  private static StringBuilder text(StringBuilder out, String value) {
    return CopyText.append(out, value);
  }
}
