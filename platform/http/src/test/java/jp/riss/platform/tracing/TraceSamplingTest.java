package jp.riss.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Spans are recorded for a collector only, all of them unless a ratio keeps a share. */
class TraceSamplingTest {

  private static TraceSampling sampling(Double ratio, String tracesEndpoint) {
    TraceSampling s = new TraceSampling();
    s.ratio = Optional.ofNullable(ratio);
    s.tracesEndpoint = Optional.ofNullable(tracesEndpoint);
    return s;
  }

  @Test
  void withoutACollectorNothingIsRecorded() {
    assertEquals(0.0, sampling(null, null).ratio());
    assertEquals(0.0, sampling(null, " ").ratio());
    assertEquals("TraceIdRatioBased{0.000000}", sampling(null, null).sampler().getDescription());
  }

  @Test
  void withACollectorEveryTraceIsRecordedUnlessARatioKeepsAShare() {
    assertEquals(1.0, sampling(null, "http://otel-collector:4317").ratio());
    assertEquals(0.25, sampling(0.25, "http://otel-collector:4317").ratio());
    assertEquals(1.0, sampling(1.0, null).ratio());
  }

  @Test
  void aRatioOutsideZeroToOneStopsTheStart() {
    assertThrows(IllegalArgumentException.class, () -> sampling(1.5, null).ratio());
    assertThrows(IllegalArgumentException.class, () -> sampling(-0.1, null).ratio());
    assertThrows(IllegalArgumentException.class, () -> sampling(Double.NaN, null).ratio());
  }
}
