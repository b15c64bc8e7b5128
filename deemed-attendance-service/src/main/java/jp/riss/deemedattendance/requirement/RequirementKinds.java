package jp.riss.deemedattendance.requirement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Preconditions;

/** Reads the requirement kinds and lets administrators change which are substitutable. */
@ApplicationScoped
public class RequirementKinds {

  @Inject Clock clock;

  @Inject EntityManager em;

  /** Every kind, in display order. */
  @Transactional
  public List<RequirementKind> all() {
    return em.createQuery(
            "SELECT k FROM RequirementKind k ORDER BY k.position", RequirementKind.class)
        .getResultList();
  }

  public Optional<RequirementKind> find(String code) {
    return Optional.ofNullable(em.find(RequirementKind.class, code));
  }

  @Transactional
  public RequirementKind require(String code) {
    return find(code).orElseThrow(() -> ProblemException.notFound("requirement kind " + code));
  }

  @Transactional
  public RequirementKind change(
      String code, String ifMatch, RequirementKindChange change, String admin) {
    RequirementKind kind = require(code);
    Preconditions.requireIfMatch(ifMatch, kind.version);
    if (change.substitutable() && kind.dutiesAndEthics) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "requirement-not-substitutable",
                  "Requirement not substitutable",
                  "The "
                      + kind.nameJa
                      + " carries the duties and ethics content, which stays mandatory: practical"
                      + " work can never count instead of it.")
              .withViolations(
                  List.of(
                      new Problem.Violation(
                          "substitutable", "must be false for a duties and ethics course"))));
    }
    kind.substitutable = change.substitutable();
    kind.updatedAt = OffsetDateTime.now(clock);
    kind.updatedBy = admin;
    // Flush so the ETag answered is the version stored.
    em.flush();
    return kind;
  }
}
