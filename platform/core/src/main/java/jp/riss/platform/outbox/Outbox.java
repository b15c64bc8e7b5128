package jp.riss.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventJson;

/**
 * Where domain code records the events of a state change. The row joins the caller's transaction,
 * so the change and its event commit or roll back together; the relay publishes after commit. There
 * is deliberately no way to send to Kafka directly from a transaction.
 */
@ApplicationScoped
public class Outbox {

  @Inject TransactionSynchronizationRegistry transactions;
  @Inject OutboxRelay relay;

  /**
   * @param topic {@code <service>.<aggregate>.v<major>}
   * @param aggregateId the record key, so events of one aggregate stay in order
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void append(String topic, String aggregateId, CloudEvent event) {
    OutboxEvent row = new OutboxEvent();
    row.eventId = UUID.fromString(event.id());
    row.topic = topic;
    row.aggregateId = aggregateId;
    row.eventType = event.type();
    row.envelope = EventJson.write(event);
    row.createdAt = OffsetDateTime.now();
    row.persist();
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              relay.wakeUp();
            }
          }
        });
  }
}
