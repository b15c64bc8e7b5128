package jp.riss.deemedattendance.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The current sworn declaration: the latest one published. */
@ApplicationScoped
public class Declarations {

  @Inject EntityManager em;

  @Transactional
  public SwornDeclaration current() {
    return em.createQuery(
            "SELECT d FROM SwornDeclaration d ORDER BY d.publishedAt DESC", SwornDeclaration.class)
        .setMaxResults(1)
        .getSingleResult();
  }
}
