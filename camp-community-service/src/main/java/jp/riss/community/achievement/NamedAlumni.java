package jp.riss.community.achievement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The {@code achievement_person} rows: who an item names and what each one consented to. */
@ApplicationScoped
public class NamedAlumni {

  /** One named alumnus: consent pending, granted or withdrawn, and the fields it covers. */
  public record Row(UUID personId, String consent, List<String> fields) {
    public boolean granted() {
      return "granted".equals(consent);
    }
  }

  @Inject EntityManager em;

  /** The author first, then the others in a stable order. */
  @SuppressWarnings("unchecked")
  public List<Row> of(UUID achievementId, UUID authorId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT person_id, consent, fields FROM achievement_person"
                    + " WHERE achievement_id = ?1 ORDER BY (person_id = ?2) DESC, person_id")
            .setParameter(1, achievementId)
            .setParameter(2, authorId)
            .getResultList();
    return rows.stream()
        .map(r -> new Row((UUID) r[0], (String) r[1], Arrays.asList((String[]) r[2])))
        .toList();
  }

  /** Replaces who is named; every consent starts over, because the item changed. */
  void name(UUID achievementId, List<UUID> personIds) {
    em.createNativeQuery("DELETE FROM achievement_person WHERE achievement_id = ?1")
        .setParameter(1, achievementId)
        .executeUpdate();
    for (UUID person : personIds) {
      em.createNativeQuery(
              "INSERT INTO achievement_person (achievement_id, person_id) VALUES (?1, ?2)")
          .setParameter(1, achievementId)
          .setParameter(2, person)
          .executeUpdate();
    }
  }

  /** Records a decision; false when the person is not named in the item. */
  boolean decide(
      UUID achievementId, UUID personId, String consent, List<String> fields, OffsetDateTime at) {
    return em.createNativeQuery(
                "UPDATE achievement_person SET consent = ?3, fields = ?4, decided_at = ?5"
                    + " WHERE achievement_id = ?1 AND person_id = ?2")
            .setParameter(1, achievementId)
            .setParameter(2, personId)
            .setParameter(3, consent)
            .setParameter(4, fields.toArray(String[]::new))
            .setParameter(5, at)
            .executeUpdate()
        == 1;
  }

  /** Withdraws every consent a person gave (their profile was deleted). */
  public void withdrawAll(UUID personId, OffsetDateTime at) {
    em.createNativeQuery(
            "UPDATE achievement_person SET consent = 'withdrawn', fields = '{}', decided_at = ?2"
                + " WHERE person_id = ?1 AND consent <> 'withdrawn'")
        .setParameter(1, personId)
        .setParameter(2, at)
        .executeUpdate();
  }

  @SuppressWarnings("unchecked")
  public List<UUID> itemsNaming(UUID personId) {
    return em.createNativeQuery(
            "SELECT achievement_id FROM achievement_person WHERE person_id = ?1"
                + " ORDER BY achievement_id")
        .setParameter(1, personId)
        .getResultList();
  }

  public boolean names(UUID achievementId, UUID personId) {
    return ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM achievement_person"
                            + " WHERE achievement_id = ?1 AND person_id = ?2")
                    .setParameter(1, achievementId)
                    .setParameter(2, personId)
                    .getSingleResult())
            .intValue()
        > 0;
  }
}
