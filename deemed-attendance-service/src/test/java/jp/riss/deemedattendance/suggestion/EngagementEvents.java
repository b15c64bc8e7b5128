package jp.riss.deemedattendance.suggestion;

import java.time.LocalDate;
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

/** Writes engagement events to the real broker exactly as the Active List's relay does. */
public final class EngagementEvents implements AutoCloseable {

  private final KafkaProducer<String, String> producer =
      new KafkaProducer<>(
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
              ProducerConfig.ACKS_CONFIG, "all",
              ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
              ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));

  public static CloudEvent completed(
      UUID engagementId, String registrationNumber, int theme, LocalDate from, LocalDate to) {
    Map<String, Object> data =
        Map.of(
            "engagementId", engagementId.toString(),
            "listingId", UUID.randomUUID().toString(),
            "registrationNumber", registrationNumber,
            "themeNumber", theme,
            "organisationName", "株式会社サンプル製作所",
            "startedOn", from.toString(),
            "completedOn", to.toString(),
            "visits",
                List.of(
                    Map.of("number", 2, "goal", "規程の改訂案の作成", "outcome", "改訂案を経営会議に提出した"),
                    Map.of("number", 1, "goal", "現状の規程の確認", "outcome", "不足する規程を特定した"),
                    Map.of("number", 3, "goal", "改訂した規程の周知", "outcome", "全社員向けの説明会を開いた")));
    return new CloudEvent(
        "1.0",
        UUID.randomUUID().toString(),
        "urn:riss:active-list-service",
        "jp.riss.activelist.engagement.completed",
        engagementId.toString(),
        OffsetDateTime.now(),
        "application/json",
        "urn:riss:schema:activelist.engagement.v1",
        EventJson.mapper().valueToTree(data));
  }

  public void send(CloudEvent event) throws Exception {
    send(event.subject(), EventJson.write(event));
  }

  void send(String key, String value) throws Exception {
    producer.send(EventPublisher.record("activelist.engagement.v1", key, value)).get();
  }

  @Override
  public void close() {
    producer.close();
  }
}
