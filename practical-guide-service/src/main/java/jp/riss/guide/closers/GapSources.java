package jp.riss.guide.closers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import jp.riss.guide.web.SqlValues;

/**
 * Where a gap comes from: the instrument items that name it, with their Step and the guide measures
 * they check. Read from the imported instruments, so a gap code is known exactly when an instrument
 * uses it.
 */
@ApplicationScoped
public class GapSources {

  @Inject EntityManager em;

  /** One instrument item behind a gap. */
  public record Source(int step, List<String> measureKeys) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  @SuppressWarnings("unchecked")
  public List<Source> of(String gapCode) {
    List<Object[]> rows =
        em.createNativeQuery(
                """
                SELECT DISTINCT CAST(item ->> 'step' AS integer) AS step,
                       ARRAY(SELECT jsonb_array_elements_text(item -> 'measureKeys')) AS measures
                  FROM diagnosis_instrument,
                       jsonb_array_elements(document -> 'items') AS item
                 WHERE item ->> 'gapCode' = ?1
                 ORDER BY step
                """)
            .setParameter(1, gapCode)
            .getResultList();
    return rows.stream()
        .map(r -> new Source(((Number) r[0]).intValue(), List.of((String[]) SqlValues.array(r[1]))))
        .toList();
  }
}
