package jp.riss.community.member;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import jp.riss.community.support.QueryParams;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;

/** The camp office's records of people: the only place dates of birth and addresses are read. */
@Path("/api/v1/community/members")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CAMP_OFFICE)
public class OfficeMemberResource {

  public record Items(List<MemberViews.OfficeView> items) {}

  @Inject OfficeMembers office;

  @GET
  public Items find(@Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("personRef"));
    return new Items(office.byRef(uri.getQueryParameters().getFirst("personRef")));
  }

  @GET
  @Path("/{id}")
  public MemberViews.OfficeView get(@PathParam("id") String id) {
    return office.get(Ids.uuid("id", id));
  }

  @POST
  @Path("/{id}/guardian-links")
  public Response guardianLink(@PathParam("id") String id) {
    office.sendGuardianLink(Ids.uuid("id", id));
    return Response.accepted().build();
  }
}
