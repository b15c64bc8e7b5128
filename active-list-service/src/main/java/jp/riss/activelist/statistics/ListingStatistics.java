package jp.riss.activelist.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/** Aggregates for IPA: no row ever names a specialist or an SME. */
@ApplicationScoped
public class ListingStatistics {

  /** Online-nationwide listings are counted under this pseudo-prefecture. */
  public static final String ONLINE = "online";

  public record ListingCount(String prefecture, int theme, String status, long listings) {}

  /**
   * Diagnoses in a cell below this are not shown (only that the cell is small): a small cell in a
   * small prefecture could point at a company.
   */
  public static final int MINIMUM_CELL = 5;

  /** Demand in one prefecture × theme; {@code diagnoses} is null when suppressed. */
  public record DemandCount(
      String prefecture, int theme, Long diagnoses, boolean suppressed, long publishedListings) {}

  /** Demand in one Japan month × prefecture × theme; {@code diagnoses} null when suppressed. */
  public record MonthlyDemand(
      String month, String prefecture, int theme, Long diagnoses, boolean suppressed) {}

  private static Long shown(long n) {
    return n < MINIMUM_CELL ? null : n;
  }

  /**
   * One Japan month: inquiries sent, accepted, declined and expired in it, and guidance engagements
   * (the matches that led to work) started and completed in it.
   */
  public record MonthCount(
      String month,
      long inquiries,
      long accepted,
      long declined,
      long expired,
      long engagementsStarted,
      long engagementsCompleted) {}

  @Inject EntityManager em;

  /** Listings by prefecture × theme × status; a listing counts once in each of its cells. */
  @SuppressWarnings("unchecked")
  @Transactional
  public List<ListingCount> listings() {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT p.prefecture, t.theme, l.status, count(*) FROM listing l"
                    + " CROSS JOIN LATERAL unnest(l.prefectures"
                    + "   || CASE WHEN l.online_nationwide THEN ARRAY['online'] ELSE '{}' END)"
                    + "   AS p(prefecture)"
                    + " CROSS JOIN LATERAL unnest(l.themes) AS t(theme)"
                    + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new ListingCount(
                    (String) r[0],
                    ((Number) r[1]).intValue(),
                    (String) r[2],
                    ((Number) r[3]).longValue()))
        .toList();
  }

  @SuppressWarnings("unchecked")
  @Transactional
  public List<MonthCount> inquiriesByMonth(YearMonth from, YearMonth to) {
    String inMonth = "date_trunc('month', %s AT TIME ZONE 'Asia/Tokyo') = m.m";
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT to_char(m.m, 'YYYY-MM'),"
                    + " (SELECT count(*) FROM inquiry WHERE "
                    + inMonth.formatted("created_at")
                    + "),"
                    + " (SELECT count(*) FROM inquiry WHERE decline_reason IS NULL"
                    + "   AND responded_at IS NOT NULL AND "
                    + inMonth.formatted("responded_at")
                    + "),"
                    + " (SELECT count(*) FROM inquiry WHERE status = 'DECLINED' AND "
                    + inMonth.formatted("responded_at")
                    + "),"
                    + " (SELECT count(*) FROM inquiry WHERE status = 'EXPIRED' AND "
                    + inMonth.formatted("respond_by")
                    + "),"
                    + " (SELECT count(*) FROM guidance_engagement"
                    + "   WHERE date_trunc('month', started_on) = m.m),"
                    + " (SELECT count(*) FROM guidance_engagement WHERE status = 'COMPLETED'"
                    + "   AND date_trunc('month', completed_on) = m.m)"
                    + " FROM generate_series(CAST(?1 AS timestamp), CAST(?2 AS timestamp),"
                    + "   interval '1 month') AS m(m) ORDER BY m.m")
            .setParameter(1, from.atDay(1).atStartOfDay())
            .setParameter(2, to.atDay(1).atStartOfDay())
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new MonthCount(
                    (String) r[0],
                    ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue(),
                    ((Number) r[5]).longValue(),
                    ((Number) r[6]).longValue()))
        .toList();
  }

  /**
   * Demand (self-diagnoses needing a theme) by prefecture × theme in a period, beside the published
   * listings that serve that cell (in the prefecture or online) — where the two differ most is
   * where specialists are missing.
   */
  @SuppressWarnings("unchecked")
  @Transactional
  public List<DemandCount> demand(OffsetDateTime from, OffsetDateTime to) {
    List<Object[]> rows =
        em.createNativeQuery(
                "WITH d AS (SELECT prefecture, theme, count(*) AS n FROM diagnosis_demand"
                    + "   CROSS JOIN LATERAL unnest(themes) AS t(theme)"
                    + "   WHERE completed_at >= ?1 AND completed_at < ?2 GROUP BY 1, 2)"
                    + " SELECT d.prefecture, d.theme, d.n, (SELECT count(*) FROM listing l"
                    + "   WHERE l.status = 'PUBLISHED' AND d.theme = ANY (l.themes)"
                    + "   AND (d.prefecture = ANY (l.prefectures) OR l.online_nationwide))"
                    + " FROM d ORDER BY d.n DESC, d.prefecture, d.theme")
            .setParameter(1, from)
            .setParameter(2, to)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new DemandCount(
                    (String) r[0],
                    ((Number) r[1]).intValue(),
                    shown(((Number) r[2]).longValue()),
                    ((Number) r[2]).longValue() < MINIMUM_CELL,
                    ((Number) r[3]).longValue()))
        .toList();
  }

  /**
   * Demand per Japan month × prefecture × theme, months {@code from} to {@code to} inclusive; cells
   * under {@link #MINIMUM_CELL} diagnoses are suppressed.
   */
  @SuppressWarnings("unchecked")
  @Transactional
  public List<MonthlyDemand> monthlyDemand(YearMonth from, YearMonth to) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT to_char(completed_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM'), prefecture,"
                    + " theme, count(*) FROM diagnosis_demand"
                    + " CROSS JOIN LATERAL unnest(themes) AS t(theme)"
                    + " WHERE completed_at >= ?1 AND completed_at < ?2"
                    + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
            .setParameter(
                1, from.atDay(1).atStartOfDay(StatisticsResource.JAPAN).toOffsetDateTime())
            .setParameter(
                2,
                to.plusMonths(1).atDay(1).atStartOfDay(StatisticsResource.JAPAN).toOffsetDateTime())
            .getResultList();
    return rows.stream()
        .map(
            r -> {
              long n = ((Number) r[3]).longValue();
              return new MonthlyDemand(
                  (String) r[0],
                  (String) r[1],
                  ((Number) r[2]).intValue(),
                  shown(n),
                  n < MINIMUM_CELL);
            })
        .toList();
  }
}
