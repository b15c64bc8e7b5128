package jp.riss.guide.plan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import jp.riss.guide.web.QueryParams;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.security.Roles;

/**
 * Runs the daily re-diagnosis proposals on demand for a given day (default today in Japan):
 * catching up after an outage, and how tests and demos move time. Sends nothing twice.
 */
@Path("/api/v1/guide/rediagnosis-reminders/run")
@Produces(MediaType.APPLICATION_JSON)
public class RediagnosisResource {

  @Inject RediagnosisReminders reminders;

  @POST
  @RolesAllowed(Roles.IPA_ADMIN)
  public RediagnosisReminders.Run run(
      @QueryParam("today") @Size(max = 10) String today, @Context UriInfo uri) {
    QueryParams.only(uri, Set.of("today"));
    LocalDate day = reminders.today();
    if (today != null) {
      try {
        day = LocalDate.parse(today);
      } catch (DateTimeParseException e) {
        throw ProblemException.badRequest("today", "must be a date (YYYY-MM-DD)");
      }
    }
    return reminders.run(day);
  }
}
