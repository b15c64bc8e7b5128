package jp.riss.community.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

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
}
