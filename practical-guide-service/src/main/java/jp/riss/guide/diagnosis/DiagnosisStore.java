package jp.riss.guide.diagnosis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import jp.riss.guide.web.SqlValues;
import jp.riss.platform.web.Keyset;

/** Completed diagnoses: inserted once, read many times (native SQL, as the rest of the module). */
@ApplicationScoped
public class DiagnosisStore {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final String COLUMNS =
      "id, organisation_id, instrument_code, instrument_version, placement_version,"
          + " answers::text, facts, prefecture, jsic_division, employee_band, concurrent_staff,"
          + " dedicated_staff, raw_score, max_score, percent, band, placed_step, unmet::text,"
          + " gaps::text, previous_id, moved_down, respondent_subject, respondent_role,"
          + " completed_at";

  @Inject EntityManager em;

  public void insert(Diagnosis d) {
    Assessment a = d.assessment();
    em.createNativeQuery(
            "INSERT INTO diagnosis (id, organisation_id, instrument_code, instrument_version,"
                + " placement_version, answers, facts, prefecture, jsic_division, employee_band,"
                + " concurrent_staff, dedicated_staff, raw_score, max_score, percent, band,"
                + " placed_step, unmet, gaps, previous_id, moved_down, respondent_subject,"
                + " respondent_role, completed_at) VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb),"
                + " CAST(?7 AS text[]), ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
                + " CAST(?18 AS jsonb), CAST(?19 AS jsonb), ?20, ?21, ?22, ?23, ?24)")
        .setParameter(1, d.id())
        .setParameter(2, d.organisationId())
        .setParameter(3, d.instrumentCode())
        .setParameter(4, d.instrumentVersion())
        .setParameter(5, d.placementVersion())
        .setParameter(6, write(new TreeMap<>(d.answers())))
        // Fact codes are checked against the instrument (letters only), so a literal is safe.
        .setParameter(7, "{" + String.join(",", d.facts()) + "}")
        .setParameter(8, d.prefecture())
        .setParameter(9, d.jsicDivision())
        .setParameter(10, d.employeeBand())
        .setParameter(11, d.concurrentStaff())
        .setParameter(12, d.dedicatedStaff())
        .setParameter(13, a.rawScore())
        .setParameter(14, a.maxScore())
        .setParameter(15, a.percent())
        .setParameter(16, a.band())
        .setParameter(17, a.placedStep())
        .setParameter(18, write(a.unmet()))
        .setParameter(19, write(a.gaps()))
        .setParameter(20, d.previousId())
        .setParameter(21, d.movedDown())
        .setParameter(22, d.respondentSubject())
        .setParameter(23, d.respondentRole())
        .setParameter(24, d.completedAt())
        .executeUpdate();
  }

  public Optional<Diagnosis> find(UUID id) {
    return em
        .createNativeQuery("SELECT " + COLUMNS + " FROM diagnosis WHERE id = ?1")
        .setParameter(1, id)
        .getResultList()
        .stream()
        .findFirst()
        .map(r -> diagnosis((Object[]) r));
  }

  /**
   * What a diagnosis's gaps answer reads of it: the gaps, where the organisation is and which
   * instrument version it answered; not its answers, facts or unmet conditions, whose parsing was
   * most of reading the whole row.
   */
  public record GapsOf(
      UUID id,
      UUID organisationId,
      String instrumentCode,
      String instrumentVersion,
      String prefecture,
      int placedStep,
      List<Assessment.Gap> gaps) {

    public long seed() {
      return Diagnosis.seedOf(id);
    }
  }

  public Optional<GapsOf> gapsOf(UUID id) {
    return firstRow(
        "SELECT id, organisation_id, instrument_code, instrument_version, prefecture,"
            + " placed_step, gaps::text FROM diagnosis WHERE id = ?1",
        id,
        row ->
            new GapsOf(
                (UUID) row[0],
                (UUID) row[1],
                (String) row[2],
                (String) row[3],
                (String) row[4],
                ((Number) row[5]).intValue(),
                read((String) row[6], new TypeReference<List<Assessment.Gap>>() {})));
  }

  /**
   * What a new diagnosis needs of the organisation's latest one: which it is and where it placed.
   */
  public record Latest(UUID id, int placedStep) {}

  /**
   * The organisation's latest diagnosis, if any: only its id and Step, as the submit needs no more
   * (reading and parsing the whole row was a noticeable part of each submit).
   */
  public Optional<Latest> latest(UUID organisation) {
    return firstRow(
        "SELECT id, placed_step FROM diagnosis WHERE organisation_id = ?1"
            + " ORDER BY completed_at DESC, id DESC LIMIT 1",
        organisation,
        row -> new Latest((UUID) row[0], ((Number) row[1]).intValue()));
  }

  /** The first row of a native query with one parameter, mapped, if there is one. */
  private <T> Optional<T> firstRow(
      String sql, Object parameter, java.util.function.Function<Object[], T> map) {
    return em.createNativeQuery(sql).setParameter(1, parameter).getResultList().stream()
        .findFirst()
        .map(r -> map.apply((Object[]) r));
  }

  /** An organisation's diagnoses, oldest first, after the given position. */
  @SuppressWarnings("unchecked")
  public List<Diagnosis> ofOrganisation(UUID organisation, Keyset after, int limit) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM diagnosis WHERE organisation_id = ?1"
                    + " AND (CAST(?2 AS timestamptz) IS NULL OR (completed_at, id) >"
                    + " (CAST(?2 AS timestamptz), CAST(?3 AS uuid)))"
                    + " ORDER BY completed_at, id LIMIT ?4")
            .setParameter(1, organisation)
            .setParameter(2, after == null ? null : after.at())
            .setParameter(3, after == null ? null : after.id())
            .setParameter(4, limit)
            .getResultList();
    return rows.stream().map(DiagnosisStore::diagnosis).toList();
  }

  private static Diagnosis diagnosis(Object[] r) {
    Assessment a =
        new Assessment(
            ((Number) r[12]).intValue(),
            ((Number) r[13]).intValue(),
            r[14] == null ? null : ((Number) r[14]).intValue(),
            (String) r[15],
            ((Number) r[16]).intValue(),
            read((String) r[17], new TypeReference<List<Assessment.Unmet>>() {}),
            read((String) r[18], new TypeReference<List<Assessment.Gap>>() {}));
    return new Diagnosis(
        (UUID) r[0],
        (UUID) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        read((String) r[5], new TypeReference<Map<String, String>>() {}),
        Arrays.stream((Object[]) SqlValues.array(r[6])).map(String::valueOf).toList(),
        (String) r[7],
        (String) r[8],
        (String) r[9],
        ((Number) r[10]).intValue(),
        ((Number) r[11]).intValue(),
        a,
        (UUID) r[19],
        (Boolean) r[20],
        (String) r[21],
        (String) r[22],
        SqlValues.time(r[23]));
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored diagnosis is not readable", e);
    }
  }
}
