package jp.riss.deemedattendance.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import jp.riss.deemedattendance.application.Application;
import jp.riss.deemedattendance.application.Applications;
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

  @Inject Reviews reviews;
  @Inject Applications applications;
  @Inject JsonWebToken token;

  @GET
  @Transactional
  @RolesAllowed({Roles.SPECIALIST, Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  public History history(@PathParam("id") String id) {
    boolean ipa = !token.getGroups().contains(Roles.SPECIALIST);
    Application a =
        ipa
            ? reviews.find(Ids.uuid("id", id))
            : applications.owned(Ids.uuid("id", id), token.getSubject());
    Map<String, RejectionReason> reasons = reviews.reasons();
    return new History(
        a.id,
        a.status,
        reviews.history(a.id).stream().map(d -> DecisionView.of(d, reasons, ipa)).toList());
  }
}
