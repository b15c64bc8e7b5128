package jp.riss.community.link;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.inbox.InboxHandler;
import jp.riss.platform.inbox.PoisonEventException;

/**
 * Hears the Active List's side of a link: the specialist confirmed it (the member sees it is shown)
 * or withdrew it (withdrawn here too, so both sides agree). Runs in the platform inbox, so a
 * redelivered event changes nothing; both updates are idempotent by state as well.
 */
@ApplicationScoped
public class ActiveListLinkEventsHandler implements InboxHandler {

  @Inject AlumnusLinks links;

  @Override
  public String topic() {
    return ActiveListLinkDecision.TOPIC;
  }

  @Override
  public void handle(CloudEvent event) {
    boolean confirmed = ActiveListLinkDecision.CONFIRMED.equals(event.type());
    if (!confirmed && !ActiveListLinkDecision.WITHDRAWN.equals(event.type())) {
      return;
    }
    ActiveListLinkDecision decision;
    try {
      decision = event.dataAs(ActiveListLinkDecision.class);
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException("payload is not an alumnus-link decision");
    }
    if (decision == null || decision.linkId() == null || decision.at() == null) {
      throw new PoisonEventException("alumnus-link decision lacks required fields");
    }
    if (confirmed) {
      links.confirmedOnActiveList(decision.linkId(), decision.at());
    } else {
      links.withdrawnOnActiveList(decision.linkId(), decision.at());
    }
  }
}
