package jp.riss.platform.outbox;

import jp.riss.platform.tracing.TraceContext;

/**
 * An outbox row on its way to Kafka.
 *
 * @param trace the trace context stored with the row, or null
 */
public record PendingEvent(long id, String topic, String key, String envelope, TraceContext trace) {

  public PendingEvent(long id, String topic, String key, String envelope) {
    this(id, topic, key, envelope, null);
  }
}
