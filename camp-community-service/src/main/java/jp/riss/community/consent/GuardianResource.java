package jp.riss.community.consent;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The guardian's endpoints. No account and no bearer token: the signed link's token, sent in {@code
 * X-Guardian-Token}, is the only credential, and it covers exactly one minor.
 */
@Path("/api/v1/community/guardian")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class GuardianResource {

  public record Decisions(String textVersion, Map<String, String> decisions) {}

  @Inject GuardianLinks links;

  @GET
  @Path("/consent-request")
  public GuardianLinks.ConsentRequest show(@HeaderParam(GuardianLinks.HEADER) String token) {
    return links.show(token);
  }

  @POST
  @Path("/consents")
  @Consumes(MediaType.APPLICATION_JSON)
  public GuardianLinks.Decided decide(
      @HeaderParam(GuardianLinks.HEADER) String token, Decisions body) {
    return links.decide(
        token, body == null ? null : body.textVersion(), body == null ? null : body.decisions());
  }
}
