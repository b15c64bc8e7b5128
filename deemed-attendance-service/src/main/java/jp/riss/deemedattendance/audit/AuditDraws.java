package jp.riss.deemedattendance.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.riss.deemedattendance.application.Application;
import jp.riss.deemedattendance.audit.AuditViews.AuditView;
import jp.riss.deemedattendance.audit.AuditViews.DrawView;
import jp.riss.deemedattendance.audit.AuditViews.NewDraw;
import jp.riss.deemedattendance.audit.AuditViews.Rerun;
import jp.riss.deemedattendance.audit.AuditViews.StratumDraw;
import jp.riss.deemedattendance.audit.AuditViews.StratumRerun;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.web.Preconditions;

/**
 * Sample-audit draws over the applications approved in a period, stratified by who certified the
 * work, with the seed, rates, population and selection recorded so the draw can be recomputed.
 */
@ApplicationScoped
public class AuditDraws {

  @Inject Clock clock;

  private static final SecureRandom SEEDS = new SecureRandom();
  private static final Pattern SEED = Pattern.compile("-?[0-9]{1,19}");

  @Inject EntityManager em;

  @Transactional
  public List<AuditStratum> strata() {
    return em.createQuery("SELECT s FROM AuditStratum s ORDER BY s.position", AuditStratum.class)
        .getResultList();
  }

  public AuditStratum stratum(String code) {
    AuditStratum s = code == null || code.length() > 40 ? null : em.find(AuditStratum.class, code);
    if (s == null) {
      throw ProblemException.notFound("audit stratum " + code);
    }
    return s;
  }

  @Transactional
  public AuditStratum setRate(String code, String ifMatch, BigDecimal rate, String admin) {
    AuditStratum s = stratum(code);
    Preconditions.requireIfMatch(ifMatch, s.version);
    if (rate == null) {
      throw ProblemException.badRequest("rate", "is required");
    }
    if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0 || rate.scale() > 4) {
      throw ProblemException.badRequest("rate", "must be from 0 to 1 with at most 4 decimals");
    }
    if (s.rate.compareTo(rate) != 0) {
      s.rate = rate;
      s.updatedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
      s.updatedBy = admin;
      em.flush();
    }
    return s;
  }

  @Transactional
  public DrawView draw(NewDraw body, String admin) {
    List<Problem.Violation> v = new ArrayList<>();
    if (body.periodFrom() == null) {
      v.add(new Problem.Violation("periodFrom", "is required"));
    }
    if (body.periodTo() == null) {
      v.add(new Problem.Violation("periodTo", "is required"));
    } else if (body.periodFrom() != null && body.periodTo().isBefore(body.periodFrom())) {
      v.add(new Problem.Violation("periodTo", "must not be before periodFrom"));
    }
    Long seed = null;
    if (body.seed() != null) {
      try {
        if (!SEED.matcher(body.seed()).matches()) {
          throw new NumberFormatException();
        }
        seed = Long.parseLong(body.seed());
      } catch (NumberFormatException e) {
        v.add(new Problem.Violation("seed", "must be a signed 64-bit whole number in decimal"));
      }
    }
    if (!v.isEmpty()) {
      throw new ProblemException(Problems.validation(v));
    }
    AuditDraw draw = new AuditDraw();
    draw.id = UUID.randomUUID();
    draw.periodFrom = body.periodFrom();
    draw.periodTo = body.periodTo();
    draw.seed = seed != null ? seed : SEEDS.nextLong();
    draw.algorithm = Sampler.ALGORITHM;
    draw.createdAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    draw.createdBy = admin;
    em.persist(draw);
    em.flush();

    Map<String, List<UUID>> byStratum = new LinkedHashMap<>();
    List<AuditStratum> strata = strata();
    strata.forEach(s -> byStratum.put(s.code, new ArrayList<>()));
    for (Application a : population(draw)) {
      byStratum.get(Strata.of(a)).add(a.id);
    }
    for (AuditStratum s : strata) {
      em.createNativeQuery(
              "INSERT INTO audit_draw_stratum (draw_id, stratum, rate) VALUES (?1, ?2, ?3)")
          .setParameter(1, draw.id)
          .setParameter(2, s.code)
          .setParameter(3, s.rate)
          .executeUpdate();
      List<UUID> ordered = Sampler.order(byStratum.get(s.code));
      List<UUID> selected = Sampler.select(draw.seed, s.code, s.rate, ordered);
      for (int i = 0; i < ordered.size(); i++) {
        int rank = selected.indexOf(ordered.get(i));
        em.createNativeQuery(
                "INSERT INTO audit_draw_member (draw_id, stratum, position, application_id,"
                    + " selected_rank) VALUES (?1, ?2, ?3, ?4, ?5)")
            .setParameter(1, draw.id)
            .setParameter(2, s.code)
            .setParameter(3, i)
            .setParameter(4, ordered.get(i))
            .setParameter(5, rank < 0 ? null : rank)
            .executeUpdate();
      }
      for (UUID applicationId : selected) {
        Audit audit = new Audit();
        audit.id = UUID.randomUUID();
        audit.drawId = draw.id;
        audit.applicationId = applicationId;
        audit.stratum = s.code;
        audit.createdAt = draw.createdAt;
        em.persist(audit);
      }
    }
    em.flush();
    return view(draw);
  }

  /**
   * Applications approved (by a decision dated, in Japan, inside the period) and still approved,
   * not audited by an earlier draw: an application is audited at most once.
   */
  private List<Application> population(AuditDraw draw) {
    @SuppressWarnings("unchecked")
    List<UUID> ids =
        em.createNativeQuery(
                "SELECT a.id FROM application a WHERE a.status = 'APPROVED'"
                    + " AND NOT EXISTS (SELECT 1 FROM audit x WHERE x.application_id = a.id)"
                    + " AND EXISTS (SELECT 1 FROM review_decision d WHERE d.application_id = a.id"
                    + " AND d.decision = 'APPROVED'"
                    + " AND (d.decided_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN ?1 AND ?2)",
                UUID.class)
            .setParameter(1, draw.periodFrom)
            .setParameter(2, draw.periodTo)
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT DISTINCT a FROM Application a LEFT JOIN FETCH a.entries WHERE a.id IN :ids",
            Application.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  public AuditDraw find(UUID id) {
    AuditDraw draw = em.find(AuditDraw.class, id);
    if (draw == null) {
      throw ProblemException.notFound("audit draw " + id);
    }
    return draw;
  }

  /** The draw with its strata's selections; 404 if there is none. */
  @Transactional
  public DrawView view(UUID id) {
    return view(find(id));
  }

  /** Recomputes the draw's selections from what it recorded; 404 if there is none. */
  @Transactional
  public Rerun rerun(UUID id) {
    return rerun(find(id));
  }

  public DrawView view(AuditDraw draw) {
    List<StratumDraw> strata = new ArrayList<>();
    for (Object[] row : stratumRows(draw.id)) {
      String code = (String) row[0];
      BigDecimal rate = (BigDecimal) row[1];
      List<UUID> population = members(draw.id, code, false);
      strata.add(
          new StratumDraw(code, rate, population.size(), population, members(draw.id, code, true)));
    }
    List<AuditView> audits =
        em
            .createQuery(
                "SELECT x FROM Audit x WHERE x.drawId = :draw ORDER BY x.stratum, x.id",
                Audit.class)
            .setParameter("draw", draw.id)
            .getResultList()
            .stream()
            .map(
                x ->
                    AuditView.of(
                        x, em.find(Application.class, x.applicationId).cycle.registrationNumber))
            .toList();
    return new DrawView(
        draw.id,
        draw.periodFrom,
        draw.periodTo,
        Long.toString(draw.seed),
        draw.algorithm,
        draw.createdAt,
        draw.createdBy,
        strata,
        audits);
  }

  /** Recomputes every stratum's selection from the recorded seed, rate and population. */
  public Rerun rerun(AuditDraw draw) {
    List<StratumRerun> strata = new ArrayList<>();
    for (Object[] row : stratumRows(draw.id)) {
      String code = (String) row[0];
      BigDecimal rate = (BigDecimal) row[1];
      List<UUID> recorded = members(draw.id, code, true);
      List<UUID> recomputed = Sampler.select(draw.seed, code, rate, members(draw.id, code, false));
      strata.add(new StratumRerun(code, recorded, recomputed, recorded.equals(recomputed)));
    }
    return new Rerun(
        draw.id,
        Long.toString(draw.seed),
        draw.algorithm,
        strata.stream().allMatch(StratumRerun::identical),
        strata);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> stratumRows(UUID drawId) {
    return em.createNativeQuery(
            "SELECT d.stratum, d.rate FROM audit_draw_stratum d"
                + " JOIN audit_stratum s ON s.code = d.stratum WHERE d.draw_id = ?1"
                + " ORDER BY s.position")
        .setParameter(1, drawId)
        .getResultList();
  }

  @SuppressWarnings("unchecked")
  private List<UUID> members(UUID drawId, String stratum, boolean selectedOnly) {
    return em.createNativeQuery(
            "SELECT application_id FROM audit_draw_member WHERE draw_id = ?1 AND stratum = ?2"
                + (selectedOnly
                    ? " AND selected_rank IS NOT NULL ORDER BY selected_rank"
                    : " ORDER BY position"),
            UUID.class)
        .setParameter(1, drawId)
        .setParameter(2, stratum)
        .getResultList();
  }
}
