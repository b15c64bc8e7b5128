package jp.riss.community.mail;

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
 * Development only: the messages "sent" to an address (enrolment codes, guardian links), read from
 * the platform's mail queue. 404 unless the dev mailbox is enabled; camp office and IPA
 * administrators only even then, because the messages carry live codes and links.
 */
@Path("/api/v1/community/dev/mailbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CAMP_OFFICE, Roles.IPA_ADMIN})
public class DevMailboxResource {

  @Inject DevMailbox mailbox;

  @GET
  public DevMailbox.Messages messages(@QueryParam("to") String to) {
    return mailbox.read(to);
  }
}
