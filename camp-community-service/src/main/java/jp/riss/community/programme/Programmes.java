package jp.riss.community.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Preconditions;

/** Reads the camp programmes loaded by migrations, in their display order, with derived counts. */
@ApplicationScoped
public class Programmes {

  /** The list, and how many distinct people hold any verified completion (not a sum). */
  public record Listing(List<ProgrammeView> items, long distinctAlumni) {}

  @Inject EntityManager em;

  @Transactional
  public Listing all() {
    Map<String, Long> counts = completionCounts();
    List<ProgrammeView> items =
        em
            .createQuery("SELECT p FROM Programme p ORDER BY p.displayOrder", Programme.class)
            .getResultList()
            .stream()
            .map(p -> ProgrammeView.of(p, counts.getOrDefault(p.code, 0L)))
            .toList();
    long people =
        ((Number)
                em.createNativeQuery(
                        "SELECT count(DISTINCT person_id) FROM completion WHERE verified")
                    .getSingleResult())
            .longValue();
    return new Listing(items, people);
  }

  @Transactional
  public Optional<ProgrammeDetail> byCode(String code) {
    Map<String, Long> counts = completionCounts();
    return find(code).map(p -> ProgrammeDetail.of(p, counts.getOrDefault(p.code, 0L)));
  }

  /** The camp office decides which programmes' completions grant membership. */
  @Transactional
  public ProgrammeDetail setEligibility(String code, String ifMatch, Boolean eligible) {
    Programme p = find(code).orElseThrow(() -> ProblemException.notFound("programme " + code));
    if (eligible == null) {
      throw ProblemException.badRequest("communityEligible", "is required (true or false)");
    }
    Preconditions.requireIfMatch(ifMatch, p.version);
    p.communityEligible = eligible;
    em.flush();
    return ProgrammeDetail.of(p, completionCounts().getOrDefault(p.code, 0L));
  }

  private Optional<Programme> find(String code) {
    return em.createQuery(
            "SELECT p FROM Programme p LEFT JOIN FETCH p.themeAreas WHERE p.code = :code",
            Programme.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Long> completionCounts() {
    Map<String, Long> counts = new HashMap<>();
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT programme_code, count(*) FROM completion WHERE verified"
                    + " GROUP BY programme_code")
            .getResultList();
    rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
    return counts;
  }
}
