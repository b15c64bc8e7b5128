package jp.riss.deemedattendance.cycle;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.regex.Pattern;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A specialist's current cycle: the specialist reads their own (found by the token subject); IPA
 * reviewers and administrators read anyone's by registration number. A specialist asking for
 * another number is told it does not exist, so numbers cannot be probed.
 */
@Path("/api/v1/deemed-attendance")
@Produces(MediaType.APPLICATION_JSON)
public class CycleResource {

  private static final Pattern REGISTRATION_NUMBER = Pattern.compile("[0-9]{6}");

  @Inject CycleReads cycles;
  @Inject JsonWebToken token;

  @GET
  @Path("/me/cycle")
  @RolesAllowed(Roles.SPECIALIST)
  public CycleStatus mine() {
    return cycles.mine(token.getSubject());
  }

  @GET
  @Path("/cycles/{registrationNumber}")
  @RolesAllowed({Roles.SPECIALIST, Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  public CycleStatus of(@PathParam("registrationNumber") String registrationNumber) {
    if (registrationNumber == null || !REGISTRATION_NUMBER.matcher(registrationNumber).matches()) {
      throw ProblemException.badRequest("registrationNumber", "must be 6 digits");
    }
    return cycles.of(registrationNumber, token.getSubject(), mayReadAnyone(token.getGroups()));
  }

  private static boolean mayReadAnyone(Set<String> groups) {
    return groups.contains(Roles.IPA_REVIEWER) || groups.contains(Roles.IPA_ADMIN);
  }
}
