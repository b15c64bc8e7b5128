import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Fills the guide's read model the way production does: N {@code activelist.listing.v1} events
 * (structured CloudEvents, as the Active List's outbox relay sends them) on the local broker, which
 * the guide's inbox consumer applies one by one. Deterministic listings: two prefectures among
 * 01-46 (47 stays free for the lag measurement), one or two themes among 1-6, every fifth online
 * across Japan, a mix of availabilities incl. NOT_ACCEPTING and AT_CAPACITY. Display names start
 * with "bench-reco " so the run can remove them again. Each run sends a higher revision, so a
 * second run applies its events instead of finding them older than the stored ones.
 *
 * <p>usage: java -cp 'kafka-lib/*' ListingEventsLoad.java <bootstrap> <n>
 */
public class ListingEventsLoad {

  static final String TOPIC = "activelist.listing.v1";
  static final String[] AVAILABILITY = {
    "ACCEPTING", "ACCEPTING", "ACCEPTING", "LIMITED", "NOT_ACCEPTING", "AT_CAPACITY"
  };

  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    int n = Integer.parseInt(args[1]);
    long revision = System.currentTimeMillis();
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    AtomicLong failed = new AtomicLong();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      for (int i = 1; i <= n; i++) {
        String id = UUID.nameUUIDFromBytes(("bench-reco-" + i).getBytes()).toString();
        producer.send(
            new ProducerRecord<>(TOPIC, id, event(i, id, revision)),
            (meta, e) -> {
              if (e != null && failed.incrementAndGet() == 1) {
                System.err.println("send failed: " + e);
              }
            });
      }
      producer.flush();
    }
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " events not acknowledged");
    }
  }

  static String event(int i, String id, long revision) {
    String p1 = String.format("%02d", 1 + i % 46);
    String p2 = String.format("%02d", 1 + (i * 7) % 46);
    String prefectures = p1.equals(p2) ? q(p1) : q(min(p1, p2)) + "," + q(max(p1, p2));
    int t1 = 1 + i % 6;
    int t2 = 1 + (i / 6) % 6;
    String themes = t1 == t2 ? "" + t1 : Math.min(t1, t2) + "," + Math.max(t1, t2);
    String number = String.format("%06d", 100000 + i);
    return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\","
        + "\"source\":\"urn:riss:active-list-service\",\"type\":\"jp.riss.activelist.listing.published\","
        + "\"subject\":\"" + id + "\",\"time\":\"" + Instant.now() + "\","
        + "\"datacontenttype\":\"application/json\",\"dataschema\":\"urn:riss:schema:" + TOPIC + "\","
        + "\"data\":{\"listingId\":\"" + id + "\",\"registrationNumber\":\"" + number + "\","
        + "\"displayName\":\"bench-reco " + i + "\",\"prefectures\":[" + prefectures + "],"
        + "\"onlineNationwide\":" + (i % 5 == 0) + ",\"themes\":[" + themes + "],"
        + "\"industries\":[\"E\"],\"formats\":[\"online\"],\"firstConsultationFree\":" + (i % 2 == 0)
        + ",\"verified\":[\"registration\",\"mandatoryCourses\"],\"availability\":\""
        + AVAILABILITY[i % 6] + "\",\"status\":\"PUBLISHED\",\"version\":1,\"revision\":" + revision
        + "}}";
  }

  static String q(String s) {
    return "\"" + s + "\"";
  }

  static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static String max(String a, String b) {
    return a.compareTo(b) <= 0 ? b : a;
  }
}
