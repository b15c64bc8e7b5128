package jp.riss.community.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;

/** A person's completion records, as members and the camp office read them. */
@ApplicationScoped
public class Completions {

  @Inject EntityManager em;

  @SuppressWarnings("unchecked")
  public List<MemberViews.CompletionView> of(UUID personId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT c.programme_code, c.fiscal_year, c.verified FROM completion c"
                    + " JOIN programme p ON p.code = c.programme_code"
                    + " WHERE c.person_id = ?1 ORDER BY c.fiscal_year, p.display_order")
            .setParameter(1, personId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new MemberViews.CompletionView(
                    (String) r[0], ((Number) r[1]).intValue(), (Boolean) r[2]))
        .toList();
  }

  /**
   * The id of the person's verified completion of the programme in the fiscal year; 404 {@code
   * completion-not-found} when the camp office records none (or no longer verifies it).
   */
  public UUID requireVerified(UUID personId, String programme, int fiscalYear) {
    @SuppressWarnings("unchecked")
    List<UUID> found =
        em.createNativeQuery(
                "SELECT id FROM completion WHERE person_id = ?1 AND programme_code = ?2"
                    + " AND fiscal_year = ?3 AND verified ORDER BY recorded_at LIMIT 1")
            .setParameter(1, personId)
            .setParameter(2, programme)
            .setParameter(3, fiscalYear)
            .getResultList();
    if (found.isEmpty()) {
      throw new ProblemException(
          Problem.of(
              404,
              "completion-not-found",
              "No verified completion",
              "The camp office records no verified completion of yours for that programme and"
                  + " year."));
    }
    return found.get(0);
  }
}
