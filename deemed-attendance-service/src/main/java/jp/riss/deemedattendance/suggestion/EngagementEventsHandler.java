package jp.riss.deemedattendance.suggestion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.inbox.InboxHandler;
import jp.riss.platform.inbox.PoisonEventException;

/**
 * Turns the Active List's completed guidance engagements into suggested experience entries (the
 * report wants guidance work to count as practical experience). The platform inbox makes a
 * redelivered event a no-op; other event types of the topic are not this service's business.
 */
@ApplicationScoped
public class EngagementEventsHandler implements InboxHandler {

  @Inject Suggestions suggestions;

  @Override
  public String topic() {
    return EngagementCompleted.TOPIC;
  }

  @Override
  public void handle(CloudEvent event) {
    if (!EngagementCompleted.TYPE.equals(event.type())) {
      return;
    }
    EngagementCompleted data;
    try {
      data = event.dataAs(EngagementCompleted.class);
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException("payload is not a completed engagement: " + e.getMessage());
    }
    if (data == null || !data.isComplete()) {
      throw new PoisonEventException("completed engagement lacks required fields");
    }
    suggestions.record(data);
  }
}
