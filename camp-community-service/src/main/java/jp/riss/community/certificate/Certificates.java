package jp.riss.community.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.riss.community.member.Completions;
import jp.riss.community.member.Members;
import jp.riss.community.member.Person;
import jp.riss.community.support.Checks;
import jp.riss.community.support.Hmac;
import jp.riss.community.support.Secrets;
import jp.riss.platform.problem.ProblemException;

/**
 * Completion certificates: a member obtains one for a verified completion of their own; it names
 * them (from the camp office's record), the programme, edition and year, and carries a verification
 * code and an HMAC signature over all of that. The public check by code confirms the programme,
 * edition and year only — nothing about the person — and only while the camp office still verifies
 * the completion.
 */
@ApplicationScoped
public class Certificates {

  static final Pattern CODE = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

  public record Request(String programme, Integer fiscalYear) {}

  public record Edition(String stage, LocalDate startsOn, LocalDate endsOn) {}

  public record Certificate(
      String holderName,
      String programme,
      String programmeNameJa,
      int fiscalYear,
      Edition edition,
      OffsetDateTime issuedAt,
      String verificationCode,
      String signature) {}

  /** What anyone with the code may learn. */
  public record Verification(
      String programme,
      String programmeNameJa,
      int fiscalYear,
      Edition edition,
      boolean verified) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject Completions completions;
  @Inject CertificateConfig config;

  @Transactional
  public Certificate issue(String subject, Request in) {
    Checks c = Checks.start();
    if (in == null) {
      c.reject("body", "is required").throwIfAny();
    }
    String programme =
        c.matching(
            "programme",
            in.programme(),
            Pattern.compile("[a-z][a-z0-9-]{0,39}"),
            "must be a programme code");
    Integer year = c.integer("fiscalYear", in.fiscalYear(), 2000, 2100);
    c.throwIfAny();
    Person me = members.active(subject).person();
    UUID completion = completions.requireVerified(me.id, programme, year);
    String code = Secrets.enrolmentCode();
    OffsetDateTime now = members.now();
    em.createNativeQuery(
            "INSERT INTO completion_certificate (id, completion_id, person_id, code_hash, issued_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, completion)
        .setParameter(3, me.id)
        .setParameter(4, Secrets.sha256(code))
        .setParameter(5, now)
        .executeUpdate();
    Verification v = verification(code);
    String signed =
        String.join(
            "\n",
            me.fullName,
            v.programme(),
            Integer.toString(v.fiscalYear()),
            v.edition() == null ? "" : v.edition().toString(),
            now.toInstant().toString(),
            code);
    String signature =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                Hmac.sha256(
                    config.key(),
                    "riss.community.certificate.key",
                    signed.getBytes(StandardCharsets.UTF_8)));
    return new Certificate(
        me.fullName,
        v.programme(),
        v.programmeNameJa(),
        v.fiscalYear(),
        v.edition(),
        now,
        code,
        signature);
  }

  /** 404 for an unknown code and for a completion no longer verified alike: nothing leaks. */
  @Transactional
  public Verification verify(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw ProblemException.badRequest(
          "code", "must be a verification code such as ABCD-EFGH-JKMN");
    }
    Verification v = verification(code);
    if (v == null) {
      throw ProblemException.notFound("certificate");
    }
    return v;
  }

  private Verification verification(String code) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT c.programme_code, p.name_ja, c.fiscal_year, e.stage, e.starts_on, e.ends_on"
                    + " FROM completion_certificate k JOIN completion c ON c.id = k.completion_id"
                    + " JOIN programme p ON p.code = c.programme_code"
                    + " LEFT JOIN edition e ON e.id = c.edition_id"
                    + " WHERE k.code_hash = ?1 AND c.verified")
            .setParameter(1, Secrets.sha256(code))
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] r = rows.get(0);
    Edition edition = r[3] == null ? null : new Edition((String) r[3], date(r[4]), date(r[5]));
    return new Verification(
        (String) r[0], (String) r[1], ((Number) r[2]).intValue(), edition, true);
  }

  private static LocalDate date(Object value) {
    return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }
}
