package jp.riss.deemedattendance.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.riss.deemedattendance.review.ReviewViews.History;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An application's decision history: its owner (anyone else's is a 404) and IPA. Short by nature (a
 * few decisions per application), so one answer without pages.
 */
@Path("/api/v1/deemed-attendance/applications/{id}/decisions")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionHistoryResource {

  @Inject ReviewReads reads;
  @Inject JsonWebToken token;

  @GET
  @RolesAllowed({Roles.SPECIALIST, Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  public History history(@PathParam("id") String id) {
    boolean ipa = !token.getGroups().contains(Roles.SPECIALIST);
    return reads.history(Ids.uuid("id", id), token.getSubject(), ipa);
  }
}
