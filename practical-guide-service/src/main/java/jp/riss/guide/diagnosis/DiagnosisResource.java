package jp.riss.guide.diagnosis;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import jp.riss.guide.content.Language;
import jp.riss.guide.organisation.Actor;
import jp.riss.guide.web.QueryParams;
import jp.riss.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** One completed diagnosis, its gaps with closers, and its comparison with the previous one. */
@Path("/api/v1/guide/diagnoses/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPANY, Roles.SUPPORT_BODY})
public class DiagnosisResource {

  @Inject Diagnoses diagnoses;
  @Inject JsonWebToken token;

  @GET
  public DiagnosisView get(@PathParam("id") @Size(max = 36) String id, @Context UriInfo uri) {
    QueryParams.only(uri, Set.of());
    return DiagnosisView.of(diagnoses.get(id, Actor.of(token)));
  }

  @GET
  @Path("/gaps")
  public Diagnoses.Gaps gaps(
      @PathParam("id") @Size(max = 36) String id,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @Context UriInfo uri) {
    QueryParams.only(uri, Set.of());
    return diagnoses.gaps(id, Actor.of(token), Language.negotiate(null, accept));
  }

  @GET
  @Path("/comparison")
  public Comparison comparison(@PathParam("id") @Size(max = 36) String id, @Context UriInfo uri) {
    QueryParams.only(uri, Set.of());
    return diagnoses.comparison(id, Actor.of(token));
  }
}
