package jp.riss.activelist.ethics;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The current ethics pledge text, public so portals can show what specialists accept. */
@Path("/api/v1/active-list/ethics-pledge")
@Produces(MediaType.APPLICATION_JSON)
public class EthicsPledgeResource {

  @Inject EthicsPledges pledges;

  @GET
  @PermitAll
  public EthicsPledges.Pledge current() {
    return pledges.currentText();
  }
}
