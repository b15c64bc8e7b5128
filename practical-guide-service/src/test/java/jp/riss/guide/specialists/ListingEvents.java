package jp.riss.guide.specialists;

import java.util.List;
import java.util.UUID;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventJson;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.testing.EventSender;

/** Writes listing events to the real broker exactly as the Active List's relay does. */
final class ListingEvents implements AutoCloseable {

  private final EventSender sender = new EventSender();

  static CloudEvent event(
      UUID listingId,
      String name,
      List<String> prefectures,
      List<Integer> themes,
      String status,
      long version) {
    return EventSource.of("active-list-service")
        .create(
            "PUBLISHED".equals(status)
                ? "jp.riss.activelist.listing.published"
                : "jp.riss.activelist.listing.withdrawn",
            listingId.toString(),
            "activelist.listing.v1",
            new ListingSnapshot(
                listingId,
                "0" + (100000 + Math.abs(listingId.hashCode() % 89999)),
                name,
                prefectures,
                themes,
                status,
                version));
  }

  void send(CloudEvent event) {
    sender.send(ListingSnapshot.TOPIC, event.subject(), EventJson.write(event));
  }

  void send(String key, String value) {
    sender.send(ListingSnapshot.TOPIC, key, value);
  }

  @Override
  public void close() {
    sender.close();
  }
}
