package jp.riss.activelist.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.security.Roles;

/** Runs the hourly staleness rules on demand, optionally as of another instant. */
@Path("/api/v1/active-list/listings/staleness-runs")
@Produces(MediaType.APPLICATION_JSON)
public class StalenessResource {

  @Inject Clock clock;

  @Inject StalenessRun run;

  @POST
  @RolesAllowed(Roles.IPA_ADMIN)
  public StalenessRun.Report run(@QueryParam("now") String now) {
    return run.run(now == null ? OffsetDateTime.now(clock) : parse(now));
  }

  private static OffsetDateTime parse(String now) {
    try {
      return OffsetDateTime.parse(now);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest("now", "must be an ISO-8601 instant with offset");
    }
  }
}
