package jp.riss.deemedattendance.reminder;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.security.Roles;

/**
 * Runs the daily reminder logic on demand, for a given day (default today in Japan): catching up
 * after an outage, and how tests and demos drive it. Sends nothing twice either way.
 */
@Path("/api/v1/deemed-attendance/reminders/run")
@Produces(MediaType.APPLICATION_JSON)
public class ReminderResource {

  @Inject Clock clock;

  @Inject Reminders reminders;

  @POST
  @RolesAllowed(Roles.IPA_ADMIN)
  public Reminders.Run run(@QueryParam("today") String today) {
    LocalDate day;
    if (today == null) {
      day = RenewalCalendar.today(clock);
    } else {
      try {
        day = LocalDate.parse(today);
      } catch (DateTimeParseException e) {
        throw ProblemException.badRequest("today", "must be a date (YYYY-MM-DD)");
      }
    }
    return reminders.run(day);
  }
}
