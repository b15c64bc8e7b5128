package jp.riss.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "riss.inbox")
public interface InboxConsumerConfig {

  @WithDefault("true")
  boolean enabled();

  /** Attempts for an event whose handler fails before it goes to the dead-letter topic. */
  @WithDefault("5")
  int maxAttempts();

  @WithDefault("200ms")
  Duration retryBackoff();

  /**
   * How often a busy consumer commits its position. Handled events are marked in the inbox in their
   * own transaction, so a position committed late only means that a restart fetches them again and
   * finds them handled; committing after every poll cost the broker a write per event. Positions
   * are also committed when partitions are revoked and when the consumer stops.
   */
  @WithDefault("1s")
  Duration commitInterval();

  /**
   * How long the broker holds a fetch that found no records (Kafka's default). Records are answered
   * as soon as they arrive (fetch.min.bytes 1), so this sets how often an idle consumer asks again;
   * at 5 s a freshly started consumer in the guide's tests once saw its first records more than 5 s
   * late, so it stays at Kafka's default until that is understood.
   */
  @WithDefault("500ms")
  Duration fetchMaxWait();

  /**
   * How long the broker waits for a member that stopped heartbeating (its process killed, its host
   * gone) before it hands that member's partitions to the others. Kafka's default is 45 s, and a
   * restarted instance joining the group waits for it too: an Active List killed with {@code kill
   * -9} and started again consumed nothing for 45 s. Heartbeats come from the consumer's own thread
   * every third of this, apart from event handling, so 10 s leaves room for a busy machine; the
   * broker accepts 6 s to 30 min ({@code group.min/max.session.timeout.ms}).
   */
  @WithDefault("10s")
  Duration sessionTimeout();

  /** Records per poll, and so per transaction when they are delivered together. */
  @WithDefault("100")
  int maxPollRecords();
}
