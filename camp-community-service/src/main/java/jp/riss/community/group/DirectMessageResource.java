package jp.riss.community.group;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.riss.community.support.Caller;
import jp.riss.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Direct messages between two adult members. */
@Path("/api/v1/community/direct-messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ALUMNI)
public class DirectMessageResource {

  @Inject DirectMessages messages;
  @Inject JsonWebToken token;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response send(DirectMessages.MessageInput body) {
    return Response.status(201).entity(messages.send(body, Caller.of(token))).build();
  }

  @GET
  public DirectMessages.Items mine() {
    return messages.mine(Caller.of(token));
  }
}
