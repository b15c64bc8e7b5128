package jp.riss.guide.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * With no collector configured (as here and on a developer's machine), the service records no
 * spans, so it neither spends CPU on them nor tries to send them to a collector that is not there.
 */
@QuarkusTest
class TraceSamplingDefaultTest {

  @Inject Sampler sampler;

  @Test
  void noCollectorMeansNoSpanIsRecorded() {
    assertEquals("TraceIdRatioBased{0.000000}", sampler.getDescription());
  }
}
