package jp.riss.activelist.alumnus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.inbox.InboxHandler;
import jp.riss.platform.inbox.PoisonEventException;

/**
 * Takes the community's alumnus links in: a request waits for the listing owner's confirmation; a
 * withdrawal removes the link (and, if it was shown, the listing's verified field at once). Runs in
 * the platform inbox, so a redelivery changes nothing; a withdrawal before its request (reordered)
 * is remembered, so the late request cannot bring the link back.
 */
@ApplicationScoped
public class CommunityLinkEventsHandler implements InboxHandler {

  @Inject AlumnusLinks links;

  @Override
  public String topic() {
    return CommunityLinkRequest.TOPIC;
  }

  @Override
  public void handle(CloudEvent event) {
    boolean requested = CommunityLinkRequest.REQUESTED.equals(event.type());
    if (!requested && !CommunityLinkRequest.WITHDRAWN.equals(event.type())) {
      return;
    }
    CommunityLinkRequest request;
    try {
      request = event.dataAs(CommunityLinkRequest.class);
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException("payload is not a community alumnus link");
    }
    if (request == null || !request.isComplete()) {
      throw new PoisonEventException("community alumnus link lacks required fields");
    }
    if (requested) {
      links.requested(request);
    } else {
      links.withdrawnByAlumnus(request);
    }
  }
}
