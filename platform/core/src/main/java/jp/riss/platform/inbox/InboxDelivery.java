package jp.riss.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import jp.riss.platform.events.CloudEvent;

/**
 * Hands events to their handler in a transaction that also records each event id, so an effect and
 * its "handled" mark commit together. The consumer loop and the dead-letter replay both deliver
 * through here: whichever comes first applies the event, the other finds it handled.
 */
@ApplicationScoped
public class InboxDelivery {

  /** Wraps the application of one event (the consumer loop runs each in a span of its own). */
  @FunctionalInterface
  public interface Around {
    void apply(CloudEvent event, Runnable application);
  }

  @Inject Inbox inbox;

  /**
   * @return true when the handler applied the event, false when this consumer had handled it before
   *     (nothing done)
   */
  public boolean deliver(String consumer, String topic, CloudEvent event, InboxHandler handler) {
    return QuarkusTransaction.requiringNew().call(() -> applyOnce(consumer, topic, event, handler));
  }

  /**
   * Applies {@code events} in order in one transaction: every effect and mark commits, or none (the
   * exception of the first that failed is thrown, and nothing of the others is kept). A consumer
   * loop delivers a poll's records so — one commit for many events — and, when this throws,
   * delivers them again one by one, so a failing event is retried or dead-lettered alone.
   */
  public void deliverAll(
      String consumer, String topic, List<CloudEvent> events, InboxHandler handler, Around around) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (CloudEvent event : events) {
                around.apply(event, () -> applyOnce(consumer, topic, event, handler));
              }
            });
  }

  private boolean applyOnce(String consumer, String topic, CloudEvent event, InboxHandler handler) {
    if (!inbox.firstDelivery(consumer, topic, event)) {
      return false;
    }
    handler.handle(event);
    return true;
  }
}
