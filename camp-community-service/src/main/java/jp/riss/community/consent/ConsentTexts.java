package jp.riss.community.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;

/** The versioned consent text guardians read (rows of {@code consent_text}). */
@ApplicationScoped
public class ConsentTexts {

  public record Text(String version, String body) {}

  @Inject EntityManager em;

  public Text current(LocalDate today) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT version, body_ja FROM consent_text WHERE valid_from <= ?1"
                        + " ORDER BY valid_from DESC LIMIT 1")
                .setParameter(1, today)
                .getSingleResult();
    return new Text((String) row[0], (String) row[1]);
  }
}
