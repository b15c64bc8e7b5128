package jp.riss.deemedattendance.declaration;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;

/**
 * The sworn declaration applicants accept on submission. Public, like the syllabus and the
 * requirements: what an applicant swears to is part of the scheme's published rules.
 */
@Path("/api/v1/deemed-attendance/declarations")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class DeclarationResource {

  public record DeclarationView(
      String version, String text, OffsetDateTime publishedAt, boolean sample) {}

  @Inject Declarations declarations;

  @GET
  @Path("/current")
  public DeclarationView current() {
    SwornDeclaration d = declarations.current();
    return new DeclarationView(d.version, d.text, d.publishedAt, d.sample);
  }
}
