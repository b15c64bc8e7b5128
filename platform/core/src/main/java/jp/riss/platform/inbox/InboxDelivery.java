package jp.riss.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.riss.platform.events.CloudEvent;

/**
 * Hands one event to its handler in a transaction of its own that also records the event id, so the
 * effect and the "handled" mark commit together. The consumer loop and the dead-letter replay both
 * deliver through here: whichever comes first applies the event, the other finds it handled.
 */
@ApplicationScoped
public class InboxDelivery {

  @Inject Inbox inbox;

  /**
   * @return true when the handler applied the event, false when this consumer had handled it before
   *     (nothing done)
   */
  public boolean deliver(String consumer, String topic, CloudEvent event, InboxHandler handler) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              if (!inbox.firstDelivery(consumer, topic, event)) {
                return false;
              }
              handler.handle(event);
              return true;
            });
  }
}
