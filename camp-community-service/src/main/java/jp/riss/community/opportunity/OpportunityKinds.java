package jp.riss.community.opportunity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The kinds of opportunity: reference data of the {@code opportunity_kind} table. */
@ApplicationScoped
public class OpportunityKinds {

  public record Kind(String code, String nameJa, String nameEn) {}

  public record Kinds(List<Kind> items) {}

  @Inject EntityManager em;

  @Transactional
  public Kinds all() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT code, name_ja, name_en FROM opportunity_kind ORDER BY position")
            .getResultList();
    return new Kinds(
        rows.stream().map(r -> new Kind((String) r[0], (String) r[1], (String) r[2])).toList());
  }

  public Set<String> codes() {
    return all().items().stream().map(Kind::code).collect(Collectors.toSet());
  }
}
