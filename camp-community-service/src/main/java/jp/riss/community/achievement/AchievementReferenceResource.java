package jp.riss.community.achievement;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import jp.riss.community.support.QueryParams;

/** The achievement reference data, public. */
@Path("/api/v1/community/achievement-reference")
@Produces(MediaType.APPLICATION_JSON)
public class AchievementReferenceResource {

  @Inject AchievementReference reference;
  @Context UriInfo uri;

  @GET
  @PermitAll
  public AchievementReference.Codes referenceData() {
    QueryParams.only(uri.getQueryParameters(), Set.of());
    return reference.all();
  }
}
