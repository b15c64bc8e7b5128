package jp.riss.community.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Reads the camp programmes loaded by migrations, in their display order. */
@ApplicationScoped
public class Programmes {

  @Inject EntityManager em;

  public List<ProgrammeView> all() {
    return em
        .createQuery("SELECT p FROM Programme p ORDER BY p.displayOrder", Programme.class)
        .getResultList()
        .stream()
        .map(ProgrammeView::of)
        .toList();
  }

  public Optional<ProgrammeDetail> byCode(String code) {
    return em.createQuery(
            "SELECT p FROM Programme p LEFT JOIN FETCH p.themeAreas WHERE p.code = :code",
            Programme.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst()
        .map(ProgrammeDetail::of);
  }
}
