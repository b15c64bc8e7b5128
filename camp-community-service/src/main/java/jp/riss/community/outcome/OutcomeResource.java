package jp.riss.community.outcome;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import jp.riss.community.support.QueryParams;
import jp.riss.platform.security.Roles;

/**
 * What alumni do after the camp: the statuses one may report, the camp office's figures, and the
 * same figures with small cells hidden for anyone outside the office. A member's own status is
 * under {@code alumni/me/outcome} ({@link jp.riss.community.member.MemberResource}).
 */
@Path("/api/v1/community")
@Produces(MediaType.APPLICATION_JSON)
public class OutcomeResource {

  @Inject OutcomeFigures figures;
  @Inject OutcomeReference reference;

  @GET
  @Path("/outcome-reference")
  @PermitAll
  public OutcomeReference.Lists reference(@Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of());
    return reference.lists();
  }

  @GET
  @Path("/outcome-figures")
  @RolesAllowed(Roles.CAMP_OFFICE)
  public OutcomeFigures.Figures office(@Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of());
    return figures.of(OutcomeFigures.Audience.CAMP_OFFICE);
  }

  @GET
  @Path("/outcome-figures/public")
  @PermitAll
  public OutcomeFigures.Figures published(@Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of());
    return figures.of(OutcomeFigures.Audience.PUBLIC);
  }
}
