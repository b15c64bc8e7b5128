package jp.riss.deemedattendance.attestation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.riss.platform.mail.DevMailbox;
import jp.riss.platform.security.Roles;

/**
 * Development only: the messages "sent" to an address. 404 unless the dev mailbox is enabled, and
 * IPA administrators only even then (the messages carry live attestation tokens).
 */
@Path("/api/v1/deemed-attendance/dev/mailbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.IPA_ADMIN)
public class DevMailboxResource {

  @Inject DevMailbox mailbox;

  @GET
  public DevMailbox.Messages messages(@QueryParam("to") String to) {
    return mailbox.read(to);
  }
}
