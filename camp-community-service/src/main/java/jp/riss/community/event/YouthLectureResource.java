package jp.riss.community.event;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.riss.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The code of conduct youth lecturers accept (lecturers and pupils are under {@link
 * EventResource}).
 */
@Path("/api/v1/community")
@Produces(MediaType.APPLICATION_JSON)
public class YouthLectureResource {

  @Inject YouthLectures lectures;
  @Inject JsonWebToken token;

  @GET
  @Path("/code-of-conduct")
  @RolesAllowed(Roles.ALUMNI)
  public YouthLectures.CodeOfConduct codeOfConduct() {
    return lectures.current(token.getSubject());
  }

  @POST
  @Path("/code-of-conduct/acceptance")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ALUMNI)
  public YouthLectures.CodeOfConduct accept(YouthLectures.Acceptance body) {
    return lectures.accept(token.getSubject(), body);
  }
}
