package jp.riss.activelist.criteria;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** The listing criteria as published: every criterion with its parameters and descriptions. */
@ApplicationScoped
public class CriteriaCatalogue {

  public record Criterion(
      String code,
      String kind,
      Map<String, Object> parameters,
      String descriptionJa,
      String descriptionEn,
      boolean enabled) {}

  public record Criteria(List<Criterion> items) {}

  @Transactional
  public Criteria all() {
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
