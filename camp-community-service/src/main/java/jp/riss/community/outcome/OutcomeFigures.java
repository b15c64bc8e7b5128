package jp.riss.community.outcome;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.riss.community.member.Members;

/**
 * The camp's figures per programme, every one counted from records: applicants and participants
 * from the editions' application rows, completions from verified completion records, outcomes from
 * each consenting member's newest status by programme and completion year; each yearly figure also
 * against the programme's first year on record. The report's own figures stand beside them, never
 * added in. What leaves the camp office ({@link Audience#PUBLIC}) shows no count under {@link
 * #MIN_CELL}, and no total whose hidden cells together hold fewer than that many people.
 */
@ApplicationScoped
public class OutcomeFigures {

  public static final int MIN_CELL = 5;

  public enum Audience {
    CAMP_OFFICE("camp-office"),
    PUBLIC("public");

    final String code;

    Audience(String code) {
      this.code = code;
    }
  }

  public record YearFigures(
      int fiscalYear,
      Integer applicants,
      Integer participants,
      Integer completions,
      BigDecimal applicantsVsFirstYear,
      BigDecimal participantsVsFirstYear,
      BigDecimal completionsVsFirstYear) {}

  public record Cell(String code, Integer count) {}

  public record Cohort(
      int completionYear, Integer respondents, List<Cell> statuses, List<Cell> sectors) {}

  public record ReferenceFigure(String figure, BigDecimal value, LocalDate asOf, String noteJa) {}

  public record ProgrammeFigures(
      String programme,
      Integer firstYearOnRecord,
      List<YearFigures> years,
      List<Cohort> outcomes,
      List<ReferenceFigure> reference) {}

  public record Figures(
      String audience, int minimumCell, LocalDate asOf, List<ProgrammeFigures> programmes) {}

  private record Counts(long applicants, long participants, long completions) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject OutcomeReference reference;

  @Transactional
  public Figures of(Audience audience) {
    boolean suppress = audience == Audience.PUBLIC;
    Map<String, TreeMap<Integer, Counts>> yearly = yearly();
    Map<String, TreeMap<Integer, Map<String, Long>[]>> cohorts = cohorts();
    Map<String, List<ReferenceFigure>> references = references();
    List<String> statuses = reference.statusCodes();
    List<String> sectors = reference.sectorCodes();
    List<ProgrammeFigures> out = new ArrayList<>();
    for (String programme : programmes()) {
      TreeMap<Integer, Counts> years = yearly.getOrDefault(programme, new TreeMap<>());
      Integer first = years.isEmpty() ? null : years.firstKey();
      Counts base = first == null ? null : years.get(first);
      List<YearFigures> yearFigures = new ArrayList<>();
      years.forEach(
          (year, c) ->
              yearFigures.add(
                  new YearFigures(
                      year,
                      cell(c.applicants, suppress),
                      cell(c.participants, suppress),
                      cell(c.completions, suppress),
                      ratio(c.applicants, base.applicants, suppress),
                      ratio(c.participants, base.participants, suppress),
                      ratio(c.completions, base.completions, suppress))));
      List<Cohort> outcomes = new ArrayList<>();
      cohorts
          .getOrDefault(programme, new TreeMap<>())
          .forEach(
              (year, bySort) -> {
                long respondents = bySort[0].values().stream().mapToLong(Long::longValue).sum();
                List<Cell> statusCells = cells(statuses, bySort[0], suppress);
                List<Cell> sectorCells = cells(sectors, bySort[1], suppress);
                outcomes.add(
                    new Cohort(
                        year,
                        total(respondents, bySort[0], statusCells, suppress),
                        statusCells,
                        sectorCells));
              });
      out.add(
          new ProgrammeFigures(
              programme,
              first,
              yearFigures,
              outcomes,
              references.getOrDefault(programme, List.of())));
    }
    return new Figures(audience.code, MIN_CELL, members.today(), out);
  }

  private static Integer cell(long count, boolean suppress) {
    return suppress && count < MIN_CELL ? null : (int) count;
  }

  /** A yearly figure against the first year's; none when either side is hidden or the base is 0. */
  private static BigDecimal ratio(long value, long base, boolean suppress) {
    if (base == 0 || (suppress && (value < MIN_CELL || base < MIN_CELL))) {
      return null;
    }
    return BigDecimal.valueOf(value)
        .divide(BigDecimal.valueOf(base), 2, java.math.RoundingMode.HALF_UP);
  }

  private static List<Cell> cells(List<String> codes, Map<String, Long> counts, boolean suppress) {
    return codes.stream()
        .map(code -> new Cell(code, cell(counts.getOrDefault(code, 0L), suppress)))
        .toList();
  }

  /**
   * The cohort's respondents; hidden too when the hidden status cells together hold 1 to 4 people,
   * since subtracting the shown cells from the total would reveal that small group.
   */
  private static Integer total(
      long respondents, Map<String, Long> byStatus, List<Cell> shown, boolean suppress) {
    if (!suppress) {
      return (int) respondents;
    }
    long hidden =
        shown.stream()
            .filter(c -> c.count() == null)
            .mapToLong(c -> byStatus.getOrDefault(c.code(), 0L))
            .sum();
    return hidden > 0 && hidden < MIN_CELL ? null : cell(respondents, true);
  }

  private static LocalDate date(Object value) {
    return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }

  @SuppressWarnings("unchecked")
  private List<String> programmes() {
    return em.createNativeQuery("SELECT code FROM programme ORDER BY display_order")
        .getResultList();
  }

  @SuppressWarnings("unchecked")
  private Map<String, TreeMap<Integer, Counts>> yearly() {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT programme_code, fiscal_year, sum(applicants), sum(participants),"
                    + " sum(completions) FROM ("
                    + " SELECT e.programme_code, e.fiscal_year, count(*) AS applicants,"
                    + "  count(*) FILTER (WHERE a.participated) AS participants, 0 AS completions"
                    + "  FROM edition_application a JOIN edition e ON e.id = a.edition_id"
                    + "  GROUP BY 1, 2"
                    + " UNION ALL"
                    + " SELECT programme_code, fiscal_year, 0, 0, count(DISTINCT person_id)"
                    + "  FROM completion WHERE verified GROUP BY 1, 2) t"
                    + " GROUP BY 1, 2")
            .getResultList();
    Map<String, TreeMap<Integer, Counts>> out = new LinkedHashMap<>();
    for (Object[] r : rows) {
      out.computeIfAbsent((String) r[0], k -> new TreeMap<>())
          .put(
              ((Number) r[1]).intValue(),
              new Counts(
                  ((Number) r[2]).longValue(),
                  ((Number) r[3]).longValue(),
                  ((Number) r[4]).longValue()));
    }
    return out;
  }

  /** Per programme and completion year: [counts by status, counts by sector]. */
  @SuppressWarnings("unchecked")
  private Map<String, TreeMap<Integer, Map<String, Long>[]>> cohorts() {
    List<Object[]> rows =
        em.createNativeQuery(
                "WITH latest AS (SELECT DISTINCT ON (o.person_id) o.person_id, o.status, o.sector"
                    + "  FROM alumni_outcome o JOIN person p ON p.id = o.person_id"
                    + "  WHERE p.profile_deleted_at IS NULL"
                    + "  ORDER BY o.person_id, o.fiscal_year DESC),"
                    + " cohort AS (SELECT DISTINCT person_id, programme_code, fiscal_year"
                    + "  FROM completion WHERE verified)"
                    + " SELECT c.programme_code, c.fiscal_year, l.status, l.sector, count(*)"
                    + " FROM cohort c JOIN latest l ON l.person_id = c.person_id"
                    + " GROUP BY 1, 2, 3, 4")
            .getResultList();
    Map<String, TreeMap<Integer, Map<String, Long>[]>> out = new LinkedHashMap<>();
    for (Object[] r : rows) {
      Map<String, Long>[] counts =
          out.computeIfAbsent((String) r[0], k -> new TreeMap<>())
              .computeIfAbsent(
                  ((Number) r[1]).intValue(), k -> new Map[] {new TreeMap<>(), new TreeMap<>()});
      long n = ((Number) r[4]).longValue();
      counts[0].merge((String) r[2], n, Long::sum);
      if (r[3] != null) {
        counts[1].merge((String) r[3], n, Long::sum);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Map<String, List<ReferenceFigure>> references() {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT programme_code, figure, value, as_of, note_ja"
                    + " FROM programme_reference_figure ORDER BY programme_code, figure")
            .getResultList();
    Map<String, List<ReferenceFigure>> out = new LinkedHashMap<>();
    for (Object[] r : rows) {
      out.computeIfAbsent((String) r[0], k -> new ArrayList<>())
          .add(
              new ReferenceFigure(
                  (String) r[1], new BigDecimal(r[2].toString()), date(r[3]), (String) r[4]));
    }
    return out;
  }
}
