package jp.riss.platform.outbox;

/** Some events of a batch were not acknowledged; they stay in the outbox for the next try. */
public class OutboxPublishException extends RuntimeException {
  public OutboxPublishException(int count, String reason) {
    super(count + " event(s) not acknowledged by Kafka: " + reason);
  }
}
