package jp.riss.community.outcome;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.riss.community.member.Member;
import jp.riss.community.member.Members;
import jp.riss.community.member.Scope;
import jp.riss.community.support.Checks;
import jp.riss.community.support.Times;
import jp.riss.platform.problem.ProblemException;

/**
 * A member's own status after the camp, one per fiscal year. Reporting it is a questionnaire answer
 * and follows the surveys' consent rule: a member under 18 needs the guardian's {@code surveys}
 * scope; an adult consents by answering, unless their own confirmed settings leave {@code surveys}
 * out. Withdrawing deletes every status reported, so the figures no longer count it.
 */
@ApplicationScoped
public class AlumniOutcomes {

  static final Pattern PREFECTURE = Pattern.compile("0[1-9]|[1-3][0-9]|4[0-7]");

  public record StatusInput(String status, String sector, String prefecture) {}

  public record StatusView(
      int fiscalYear, String status, String sector, String prefecture, OffsetDateTime reportedAt) {}

  public record History(List<StatusView> items) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject OutcomeReference reference;

  @Transactional
  public History mine(String subject) {
    Member member = members.active(subject);
    return new History(history(member.person().id));
  }

  @Transactional
  public StatusView report(String subject, StatusInput in) {
    Member member = members.active(subject);
    Checks c = Checks.start();
    if (in == null) {
      c.reject("body", "is required").throwIfAny();
    }
    String status = c.oneOf("status", in.status(), reference.statusCodes());
    String sector =
        in.sector() == null ? null : c.oneOf("sector", in.sector(), reference.sectorCodes());
    String prefecture =
        in.prefecture() == null
            ? null
            : c.matching(
                "prefecture",
                in.prefecture(),
                PREFECTURE,
                "must be a JIS X 0401 prefecture code, 01 to 47");
    c.throwIfAny();
    if (!consented(member)) {
      throw Member.missing(Scope.SURVEYS);
    }
    OffsetDateTime now = members.now();
    int year = FiscalYear.of(members.today());
    em.createNativeQuery(
            "INSERT INTO alumni_outcome (person_id, fiscal_year, status, sector, prefecture,"
                + " reported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (person_id,"
                + " fiscal_year) DO UPDATE SET status = EXCLUDED.status, sector = EXCLUDED.sector,"
                + " prefecture = EXCLUDED.prefecture, reported_at = EXCLUDED.reported_at")
        .setParameter(1, member.person().id)
        .setParameter(2, year)
        .setParameter(3, status)
        .setParameter(4, sector)
        .setParameter(5, prefecture)
        .setParameter(6, now)
        .executeUpdate();
    return new StatusView(year, status, sector, prefecture, now);
  }

  /** Withdraws consent: every status the member reported is deleted. 404 when there was none. */
  @Transactional
  public void withdraw(String subject) {
    Member member = members.active(subject);
    int deleted =
        em.createNativeQuery("DELETE FROM alumni_outcome WHERE person_id = ?1")
            .setParameter(1, member.person().id)
            .executeUpdate();
    if (deleted == 0) {
      throw ProblemException.notFound("reported status");
    }
  }

  /** Whether the member may be asked for, and may give, a status (see the class comment). */
  public boolean consented(Member member) {
    if (member.minor() || members.ownSettingsInForce(member.person())) {
      return member.has(Scope.SURVEYS);
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  List<StatusView> history(UUID personId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT fiscal_year, status, sector, prefecture, reported_at FROM alumni_outcome"
                    + " WHERE person_id = ?1 ORDER BY fiscal_year DESC")
            .setParameter(1, personId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new StatusView(
                    ((Number) r[0]).intValue(),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    Times.of(r[4])))
        .toList();
  }
}
