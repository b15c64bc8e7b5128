package jp.riss.community.group;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import jp.riss.community.support.Caller;
import jp.riss.community.support.QueryParams;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.PageLimit;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Purpose groups and their posts. */
@Path("/api/v1/community/groups")
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource {

  public record Items(List<Groups.GroupView> items) {}

  public record NewMember(String memberId) {}

  @Inject Groups groups;
  @Inject Posts posts;
  @Inject IdempotentRequests idempotency;
  @Inject JsonWebToken token;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Response create(Groups.GroupInput body, @Context UriInfo uri) {
    Groups.GroupView view = groups.create(body, Caller.of(token));
    return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
        .entity(view)
        .build();
  }

  @GET
  @RolesAllowed({Roles.ALUMNI, Roles.CAMP_OFFICE})
  public Items list() {
    return new Items(groups.list(Caller.of(token)));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ALUMNI, Roles.CAMP_OFFICE})
  public Groups.GroupView get(@PathParam("id") String id) {
    return groups.get(Ids.uuid("id", id), Caller.of(token));
  }

  @POST
  @Path("/{id}/membership")
  @RolesAllowed(Roles.ALUMNI)
  public Groups.GroupView join(@PathParam("id") String id) {
    return groups.join(Ids.uuid("id", id), Caller.of(token));
  }

  @POST
  @Path("/{id}/members")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Groups.GroupView addMember(@PathParam("id") String id, NewMember body) {
    return groups.addMember(
        Ids.uuid("id", id),
        Ids.uuid("memberId", body == null ? null : body.memberId()),
        Caller.of(token));
  }

  @POST
  @Path("/{id}/moderators")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Groups.GroupView addModerator(@PathParam("id") String id, Groups.ModeratorInput body) {
    return groups.addModerator(Ids.uuid("id", id), body, Caller.of(token));
  }

  @GET
  @Path("/{id}/posts")
  @RolesAllowed({Roles.ALUMNI, Roles.CAMP_OFFICE})
  public Posts.Page posts(@PathParam("id") String id, @Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("limit", "cursor"));
    return posts.list(
        Ids.uuid("id", id),
        Caller.of(token),
        uri.getQueryParameters().getFirst("cursor"),
        PageLimit.parse(uri.getQueryParameters().getFirst("limit"), 20, 50),
        uri);
  }

  @POST
  @Path("/{id}/posts")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ALUMNI)
  public Response post(
      @PathParam("id") String id,
      @HeaderParam(IdempotentRequests.HEADER) String key,
      Posts.PostInput body,
      @Context UriInfo uri) {
    return idempotency.once(
        token.getSubject(),
        key,
        new IdempotentRequests.Fingerprint("POST", uri.getPath(), body),
        () -> {
          Posts.PostView view = posts.create(Ids.uuid("id", id), body, Caller.of(token));
          return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
              .entity(view)
              .tag(Preconditions.etag(view.version()))
              .build();
        });
  }

  @GET
  @Path("/{id}/posts/{postId}")
  @RolesAllowed({Roles.ALUMNI, Roles.CAMP_OFFICE})
  public Response getPost(@PathParam("id") String id, @PathParam("postId") String postId) {
    Posts.PostView view =
        posts.get(Ids.uuid("id", id), Ids.uuid("postId", postId), Caller.of(token));
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  @PUT
  @Path("/{id}/posts/{postId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ALUMNI)
  public Response edit(
      @PathParam("id") String id,
      @PathParam("postId") String postId,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 100) String ifMatch,
      Posts.PostInput body) {
    Posts.PostView view =
        posts.update(
            Ids.uuid("id", id), Ids.uuid("postId", postId), ifMatch, body, Caller.of(token));
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }
}
