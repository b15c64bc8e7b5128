package jp.riss.activelist.shortlist;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.security.Roles;

/** Support bodies, SMEs and IPA ask for a diversified shortlist of specialists for a profile. */
@Path("/api/v1/active-list/shortlists")
@Produces(MediaType.APPLICATION_JSON)
public class ShortlistResource {

  @Inject Shortlister shortlister;
  @Inject MatchingReferences references;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SUPPORT_BODY, Roles.COMPANY, Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  @Transactional
  public Shortlist shortlist(@Valid @NotNull ShortlistRequest body) {
    List<Problem.Violation> violations = references.check("profile.", body.profile());
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
    // Computing creates nothing, so no Idempotency-Key: the seed is what makes it repeatable.
    long seed = body.seed() == null ? ThreadLocalRandom.current().nextLong(1L << 53) : body.seed();
    return shortlister.shortlist(body.profile(), body.k(), seed, List.of());
  }
}
