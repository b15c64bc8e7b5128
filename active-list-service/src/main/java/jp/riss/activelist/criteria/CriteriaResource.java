package jp.riss.activelist.criteria;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The listing criteria as IPA configured them (public: specialists see what they must meet). */
@Path("/api/v1/active-list/listing-criteria")
@Produces(MediaType.APPLICATION_JSON)
public class CriteriaResource {

  public record Criterion(
      String code,
      String kind,
      Map<String, Object> parameters,
      String descriptionJa,
      String descriptionEn,
      boolean enabled) {}

  public record Criteria(List<Criterion> items) {}

  @Inject ListingCriteria criteria;

  @GET
  @PermitAll
  @Transactional
  public Criteria list() {
    return new Criteria(
        ListingCriterion.all().stream()
            .map(
                c ->
                    new Criterion(
                        c.code,
                        c.kind.name(),
                        c.params,
                        c.fill(c.descriptionJa),
                        c.fill(c.descriptionEn),
                        c.enabled))
            .toList());
  }
}
