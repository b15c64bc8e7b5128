package jp.riss.platform.outbox;

import io.opentelemetry.api.trace.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.riss.platform.tracing.EventSpans;
import jp.riss.platform.tracing.TraceContext;

/**
 * The publish spans of one relay batch: one per event, each a child of the context stored with its
 * row, and each event's envelope carrying its own span as {@code traceparent} so that consumers
 * continue the trace from the publication.
 */
final class PublishSpans {

  private final Map<Long, Span> spans = new HashMap<>();
  private final List<PendingEvent> events;

  PublishSpans(EventSpans eventSpans, List<PendingEvent> batch) {
    events = new ArrayList<>(batch.size());
    for (PendingEvent event : batch) {
      Span span = eventSpans.publishing(event.topic(), event.key(), event.trace());
      spans.put(event.id(), span);
      TraceContext published = TraceContext.of(span);
      events.add(
          published == null
              ? event
              : new PendingEvent(
                  event.id(),
                  event.topic(),
                  event.key(),
                  published.addTo(event.envelope()),
                  event.trace()));
    }
  }

  /** The batch as it goes to Kafka. */
  List<PendingEvent> events() {
    return events;
  }

  /** Ends every span once the broker answered; those not acknowledged are marked failed. */
  void end(List<Long> failed, String error) {
    for (Long id : failed) {
      Span span = spans.get(id);
      if (span != null) {
        EventSpans.failed(span, error);
      }
    }
    spans.values().forEach(Span::end);
  }
}
