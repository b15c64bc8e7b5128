package jp.riss.community.certificate;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import jp.riss.community.support.QueryParams;
import jp.riss.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A member obtains a certificate; anyone holding its code checks it. */
@Path("/api/v1/community/certificates")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {

  @Inject Certificates certificates;
  @Inject JsonWebToken token;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ALUMNI)
  public Response issue(Certificates.Request body) {
    return Response.status(201).entity(certificates.issue(token.getSubject(), body)).build();
  }

  @GET
  @Path("/{code}")
  @PermitAll
  public Certificates.Verification verify(@PathParam("code") String code) {
    QueryParams.only(uri.getQueryParameters(), Set.of());
    return certificates.verify(code);
  }
}
