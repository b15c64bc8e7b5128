package jp.riss.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import jp.riss.platform.events.CloudEvent;

/** The record of handled event ids, per consumer. */
@ApplicationScoped
public class Inbox {

  @Inject EntityManager entityManager;

  /**
   * Marks the event handled in the caller's transaction.
   *
   * @return false when this consumer has handled the event before
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstDelivery(String consumer, String topic, CloudEvent event) {
    UUID eventId;
    try {
      eventId = UUID.fromString(event.id());
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException("event id is not a UUID: " + event.id());
    }
    return entityManager
            .createNativeQuery(
                "INSERT INTO inbox (event_id, consumer, topic, event_type) VALUES (?1, ?2, ?3, ?4)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, eventId)
            .setParameter(2, consumer)
            .setParameter(3, topic)
            .setParameter(4, event.type())
            .executeUpdate()
        == 1;
  }
}
