package jp.riss.guide.specialists;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventJson;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.EventSender;

/**
 * Writes listing events to the real broker exactly as the Active List's relay does; each one is
 * first checked against the Active List's own schema file (put on the test class path from
 * active-list-service by this module's build, not copied).
 */
public final class ListingEvents implements AutoCloseable {

  private final EventSender sender = new EventSender();
  private final Map<UUID, Long> sent = new LinkedHashMap<>();

  /** A listing's public state, with the fields the Active List sends. */
  public record Listing(
      UUID id,
      String name,
      List<String> prefectures,
      boolean onlineNationwide,
      List<Integer> themes,
      boolean firstConsultationFree,
      String availability,
      String status,
      long revision) {

    public static Listing published(
        UUID id, String name, List<String> prefectures, List<Integer> themes) {
      return new Listing(id, name, prefectures, false, themes, false, "ACCEPTING", "PUBLISHED", 1);
    }

    public Listing online(boolean online) {
      return new Listing(
          id,
          name,
          prefectures,
          online,
          themes,
          firstConsultationFree,
          availability,
          status,
          revision);
    }

    public Listing firstFree(boolean free) {
      return new Listing(
          id, name, prefectures, onlineNationwide, themes, free, availability, status, revision);
    }

    public Listing availability(String value, long newRevision) {
      return new Listing(
          id,
          name,
          prefectures,
          onlineNationwide,
          themes,
          firstConsultationFree,
          value,
          status,
          newRevision);
    }

    public Listing status(String value, long newRevision) {
      return new Listing(
          id,
          name,
          prefectures,
          onlineNationwide,
          themes,
          firstConsultationFree,
          availability,
          value,
          newRevision);
    }

    CloudEvent event() {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("listingId", id.toString());
      data.put("registrationNumber", Integer.toString(100000 + Math.abs(id.hashCode() % 899999)));
      data.put("displayName", name);
      data.put("prefectures", prefectures);
      data.put("onlineNationwide", onlineNationwide);
      data.put("themes", themes);
      data.put("industries", List.of("E"));
      data.put("formats", List.of("online"));
      data.put("firstConsultationFree", firstConsultationFree);
      data.put(
          "verified",
          "PUBLISHED".equals(status)
              ? List.of("registration", "mandatoryCourses", "platformEngagements")
              : List.of());
      data.put("availability", availability);
      data.put("status", status);
      data.put("version", revision);
      data.put("revision", revision);
      return EventSource.of("active-list-service")
          .create(
              "PUBLISHED".equals(status)
                  ? "jp.riss.activelist.listing.published"
                  : "jp.riss.activelist.listing.withdrawn",
              id.toString(),
              "activelist.listing.v1",
              data);
    }
  }

  static CloudEvent event(
      UUID listingId,
      String name,
      List<String> prefectures,
      List<Integer> themes,
      String status,
      long version) {
    return Listing.published(listingId, name, prefectures, themes).status(status, version).event();
  }

  public void send(Listing listing) {
    send(listing.event());
    sent.merge(listing.id(), listing.revision(), Math::max);
  }

  /** Waits until the read model holds the latest revision of every listing sent. */
  public void awaitApplied(AgroalDataSource dataSource) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              try (Connection c = dataSource.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT count(*) FROM specialist_card"
                              + " WHERE listing_id = ? AND source_revision = ?")) {
                for (Map.Entry<UUID, Long> e : sent.entrySet()) {
                  ps.setObject(1, e.getKey());
                  ps.setLong(2, e.getValue());
                  try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                      return false;
                    }
                  }
                }
                return true;
              }
            });
  }

  void send(CloudEvent event) {
    String json = EventJson.write(event);
    assertEquals(
        Set.of(),
        EventSchemas.violations(ListingSnapshot.TOPIC, json),
        "sent as the Active List's schema says");
    sender.send(ListingSnapshot.TOPIC, event.subject(), json);
  }

  void send(String key, String value) {
    sender.send(ListingSnapshot.TOPIC, key, value);
  }

  @Override
  public void close() {
    sender.close();
  }
}
