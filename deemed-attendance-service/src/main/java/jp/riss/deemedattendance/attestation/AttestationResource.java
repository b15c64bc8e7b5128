package jp.riss.deemedattendance.attestation;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.riss.deemedattendance.attestation.Attestations.CertifierView;
import jp.riss.deemedattendance.attestation.Attestations.Decision;
import jp.riss.deemedattendance.attestation.Attestations.Outcome;

/**
 * The certifier's side: no account, only the one-time token, sent in the {@code
 * X-Attestation-Token} header (so it stays out of access logs; the link in the message carries it
 * in the URL fragment for a front end to read).
 */
@Path("/api/v1/deemed-attendance/attestations/current")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class AttestationResource {

  @Inject Attestations attestations;

  @GET
  public CertifierView view(@HeaderParam(AttestationTokens.HEADER) String token) {
    return attestations.view(token);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Outcome decide(@HeaderParam(AttestationTokens.HEADER) String token, @Valid Decision body) {
    return attestations.decide(token, body);
  }
}
