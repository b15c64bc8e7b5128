package jp.riss.activelist.shortlist;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.riss.activelist.reference.ReferenceData;

/** The matching reference data, read-only and public, for portals' and CRMs' forms. */
@Path("/api/v1/active-list/reference")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class MatchingReferenceResource {

  public record Items<T>(List<T> items) {}

  @Inject MatchingReferences references;

  @GET
  @Path("/company-size-bands")
  public Items<MatchingReferences.SizeBand> sizeBands() {
    return new Items<>(references.sizeBands());
  }

  @GET
  @Path("/inquiry-decline-reasons")
  public Items<ReferenceData.Coded> declineReasons() {
    return new Items<>(references.declineReasons());
  }

  @GET
  @Path("/consultation-follow-ups")
  public Items<ReferenceData.Coded> followUps() {
    return new Items<>(references.followUps());
  }

  @GET
  @Path("/theme-visit-goals")
  public Items<MatchingReferences.VisitGoal> visitGoals() {
    return new Items<>(references.visitGoals());
  }
}
