package jp.riss.platform.inbox;

import jp.riss.platform.events.CloudEvent;

/**
 * A consumer of one topic. Implement it as a CDI bean and the platform runs it: each event is
 * handed over once, inside a transaction that also records its id, so the effect and the "handled"
 * mark commit together and a redelivery is a no-op.
 */
public interface InboxHandler {

  String topic();

  /**
   * Applies the event. Throw {@link PoisonEventException} for an event that can never be applied
   * (it goes to the dead-letter topic at once); any other exception is retried a few times before
   * it goes there too.
   */
  void handle(CloudEvent event);
}
