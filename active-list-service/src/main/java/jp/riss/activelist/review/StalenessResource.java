package jp.riss.activelist.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import jp.riss.platform.security.Roles;

/**
 * Runs the hourly staleness rules on demand (catching up after an outage), as of the service's
 * clock: there is no "as of" parameter; tests move the clock instead.
 */
@Path("/api/v1/active-list/listings/staleness-runs")
@Produces(MediaType.APPLICATION_JSON)
public class StalenessResource {

  @Inject Clock clock;

  @Inject StalenessRun run;

  @POST
  @RolesAllowed(Roles.IPA_ADMIN)
  public StalenessRun.Report run() {
    return run.run(OffsetDateTime.now(clock));
  }
}
