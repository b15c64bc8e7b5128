package jp.riss.community.achievement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reference data achievements are checked against: categories, audiences, publication fields.
 */
@ApplicationScoped
public class AchievementReference {

  /** A category or audience as the API lists it. */
  public record Code(String code, String nameJa, String nameEn) {}

  public record Codes(
      List<Code> categories, List<Code> audiences, List<String> publicationFields) {}

  @Inject EntityManager em;

  public Codes all() {
    return new Codes(
        codes("SELECT code, name_ja, name_en FROM achievement_category ORDER BY display_order"),
        codes("SELECT code, name_ja, name_en FROM achievement_audience ORDER BY display_order"),
        List.copyOf(fields(false)));
  }

  public Set<String> categories() {
    return strings("SELECT code FROM achievement_category ORDER BY display_order");
  }

  public Set<String> audiences() {
    return strings("SELECT code FROM achievement_audience ORDER BY display_order");
  }

  /** The fields a consent can cover; for a minor only those that are not adults-only. */
  public Set<String> fields(boolean minor) {
    return strings(
        "SELECT code FROM publication_field"
            + (minor ? " WHERE NOT adults_only" : "")
            + " ORDER BY display_order");
  }

  public boolean publicAudience(String audience) {
    return (Boolean)
        em.createNativeQuery("SELECT public FROM achievement_audience WHERE code = ?1")
            .setParameter(1, audience)
            .getSingleResult();
  }

  @SuppressWarnings("unchecked")
  private List<Code> codes(String sql) {
    List<Object[]> rows = em.createNativeQuery(sql).getResultList();
    return rows.stream().map(r -> new Code((String) r[0], (String) r[1], (String) r[2])).toList();
  }

  @SuppressWarnings("unchecked")
  private Set<String> strings(String sql) {
    return new LinkedHashSet<>(em.createNativeQuery(sql).getResultList());
  }
}
