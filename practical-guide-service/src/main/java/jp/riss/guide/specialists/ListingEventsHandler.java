package jp.riss.guide.specialists;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.inbox.InboxHandler;
import jp.riss.platform.inbox.PoisonEventException;

/** Keeps the specialist read model in step with the Active List's listing events. */
@ApplicationScoped
public class ListingEventsHandler implements InboxHandler {

  @Inject SpecialistCards cards;

  @Override
  public String topic() {
    return ListingSnapshot.TOPIC;
  }

  @Override
  public void handle(CloudEvent event) {
    ListingSnapshot snapshot;
    try {
      snapshot = event.dataAs(ListingSnapshot.class);
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException("payload is not a listing snapshot: " + e.getMessage());
    }
    if (snapshot == null || !snapshot.isComplete()) {
      throw new PoisonEventException("listing snapshot lacks required fields");
    }
    cards.apply(snapshot);
  }
}
