package jp.riss.deemedattendance.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The current sworn declaration: the latest one published. */
@ApplicationScoped
public class Declarations {

  @Inject EntityManager em;

  public SwornDeclaration current() {
    return em.createQuery(
            "SELECT d FROM SwornDeclaration d ORDER BY d.publishedAt DESC", SwornDeclaration.class)
        .setMaxResults(1)
        .getSingleResult();
  }
}
