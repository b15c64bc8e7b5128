package jp.riss.community.outcome;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** The statuses and sectors a member may report, as the migrations load them. */
@ApplicationScoped
public class OutcomeReference {

  public record Entry(String code, String nameJa, String nameEn) {}

  public record Lists(List<Entry> statuses, List<Entry> sectors) {}

  @Inject EntityManager em;

  @Transactional
  public Lists lists() {
    return new Lists(entries("outcome_status"), entries("outcome_sector"));
  }

  List<String> statusCodes() {
    return entries("outcome_status").stream().map(Entry::code).toList();
  }

  List<String> sectorCodes() {
    return entries("outcome_sector").stream().map(Entry::code).toList();
  }

  @SuppressWarnings("unchecked")
  private List<Entry> entries(String table) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT code, name_ja, name_en FROM " + table + " ORDER BY display_order")
            .getResultList();
    return rows.stream().map(r -> new Entry((String) r[0], (String) r[1], (String) r[2])).toList();
  }
}
