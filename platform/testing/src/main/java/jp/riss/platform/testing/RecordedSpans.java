package jp.riss.platform.testing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * The spans a test makes, kept in an OpenTelemetry {@link InMemorySpanExporter} as each ends, for
 * assertions on parent–child links. A module's tests produce it as a CDI bean (Quarkus adds every
 * {@link SpanProcessor} bean to its tracer provider); it keeps spans only between {@link #start()}
 * and {@link #stop()}, so a whole test run does not pile up every request's spans in memory.
 */
public final class RecordedSpans implements SpanProcessor {

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private volatile boolean recording;

  /** Forgets what was kept and keeps every span that ends from now on. */
  public void start() {
    exporter.reset();
    recording = true;
  }

  /** Stops keeping spans and forgets them. */
  public void stop() {
    recording = false;
    exporter.reset();
  }

  /** The spans kept so far, in the order they ended. */
  public List<SpanData> finished() {
    return exporter.getFinishedSpanItems();
  }

  /** Waits for a finished span that {@code match} accepts and returns it. */
  public SpanData await(String what, Predicate<SpanData> match) {
    AtomicReference<SpanData> found = new AtomicReference<>();
    Awaitility.await(what)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              finished().stream().filter(match).findFirst().ifPresent(found::set);
              return found.get() != null;
            });
    return found.get();
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {}

  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    if (recording) {
      exporter.export(List.of(span.toSpanData()));
    }
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }
}
