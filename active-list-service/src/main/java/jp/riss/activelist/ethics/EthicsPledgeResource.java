package jp.riss.activelist.ethics;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;

/** The current ethics pledge text, public so portals can show what specialists accept. */
@Path("/api/v1/active-list/ethics-pledge")
@Produces(MediaType.APPLICATION_JSON)
public class EthicsPledgeResource {

  public record Pledge(
      String version, OffsetDateTime effectiveFrom, String textJa, String textEn) {}

  @Inject EthicsPledges pledges;

  @GET
  @PermitAll
  @Transactional
  public Pledge current() {
    EthicsPledge current = pledges.current();
    return new Pledge(current.version, current.effectiveFrom, current.textJa, current.textEn);
  }
}
