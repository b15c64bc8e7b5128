package jp.riss.activelist.shortlist;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.riss.platform.security.Roles;

/** Support bodies, SMEs and IPA ask for a diversified shortlist of specialists for a profile. */
@Path("/api/v1/active-list/shortlists")
@Produces(MediaType.APPLICATION_JSON)
public class ShortlistResource {

  @Inject Shortlister shortlister;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SUPPORT_BODY, Roles.COMPANY, Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  public Shortlist shortlist(@Valid @NotNull ShortlistRequest body) {
    return shortlister.shortlist(body);
  }
}
