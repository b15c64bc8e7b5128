package jp.riss.activelist.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;

/** Appends owner notices to the outbox, in the caller's transaction, keyed by listing. */
@ApplicationScoped
public class Notices {

  @Inject Outbox outbox;
  @Inject EventSource events;

  public void send(String type, ListingNotice notice) {
    String key = notice.listingId().toString();
    outbox.append(ListingNotice.TOPIC, key, events.create(type, key, ListingNotice.SCHEMA, notice));
  }
}
