package jp.riss.activelist.criteria;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The listing criteria as IPA configured them (public: specialists see what they must meet). */
@Path("/api/v1/active-list/listing-criteria")
@Produces(MediaType.APPLICATION_JSON)
public class CriteriaResource {

  @Inject CriteriaCatalogue catalogue;

  @GET
  @PermitAll
  public CriteriaCatalogue.Criteria list() {
    return catalogue.all();
  }
}
