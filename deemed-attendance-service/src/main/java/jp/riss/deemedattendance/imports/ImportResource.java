package jp.riss.deemedattendance.imports;

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

/**
 * Bulk imports from IPA's back office (role ipa-admin). Idempotent by natural key, so a batch may
 * be re-sent as it is; per-record errors are reported without rejecting the good records.
 */
@Path("/api/v1/deemed-attendance/imports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.IPA_ADMIN)
public class ImportResource {

  @Inject Imports imports;

  @POST
  @Path("/cycles")
  public ImportReport cycles(@Valid @NotNull ImportRequest body) {
    return imports.cycles(body.records());
  }

  @POST
  @Path("/course-completions")
  public ImportReport courseCompletions(@Valid @NotNull ImportRequest body) {
    return imports.completions(body.records());
  }
}
