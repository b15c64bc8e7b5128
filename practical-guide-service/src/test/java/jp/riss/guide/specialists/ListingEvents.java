package jp.riss.guide.specialists;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventJson;
import jp.riss.platform.kafka.EventPublisher;
import jp.riss.platform.testing.KafkaResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes listing events to the real broker exactly as the Active List's relay does. */
final class ListingEvents implements AutoCloseable {

  private final KafkaProducer<String, String> producer =
      new KafkaProducer<>(
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
              ProducerConfig.ACKS_CONFIG, "all",
              ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
              ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));

  static CloudEvent event(
      UUID listingId,
      String name,
      List<String> prefectures,
      List<Integer> themes,
      String status,
      long version) {
    var data =
        EventJson.mapper()
            .valueToTree(
                new ListingSnapshot(
                    listingId,
                    "0" + (100000 + Math.abs(listingId.hashCode() % 89999)),
                    name,
                    prefectures,
                    themes,
                    status,
                    version));
    return new CloudEvent(
        "1.0",
        UUID.randomUUID().toString(),
        "urn:riss:active-list-service",
        "PUBLISHED".equals(status)
            ? "jp.riss.activelist.listing.published"
            : "jp.riss.activelist.listing.withdrawn",
        listingId.toString(),
        OffsetDateTime.now(),
        "application/json",
        "urn:riss:schema:activelist.listing.v1",
        data);
  }

  void send(CloudEvent event) throws Exception {
    send(event.subject(), EventJson.write(event));
  }

  void send(String key, String value) throws Exception {
    producer.send(EventPublisher.record(ListingSnapshot.TOPIC, key, value)).get();
  }

  @Override
  public void close() {
    producer.close();
  }
}
