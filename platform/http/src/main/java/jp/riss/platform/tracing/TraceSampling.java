package jp.riss.platform.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which traces are recorded. Spans are recorded only for a collector to receive them: with no OTLP
 * endpoint configured none is (Quarkus would otherwise record every span and try to send it to
 * localhost:4317, failing and logging every few seconds, at about a tenth of a request's CPU); with
 * one, every trace is, unless {@code riss.traces.sample-ratio} (0–1) keeps a share. Unrecorded
 * spans still carry a trace id, so W3C trace context still travels through the gateway, the
 * services and the events, and every log line still names its trace.
 *
 * <p>The decision is the trace id's (ratio-based on the id), not the caller's sampled flag: every
 * process of the platform takes the same decision for the same trace, so a kept trace is whole.
 */
@ApplicationScoped
public class TraceSampling {

  @ConfigProperty(name = "riss.traces.sample-ratio")
  Optional<Double> ratio;

  /**
   * Where spans go: OTEL_EXPORTER_OTLP_ENDPOINT (platform settings). Not the generic
   * quarkus.otel.exporter.otlp.endpoint, which always has a value (Quarkus' default, localhost).
   */
  @ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint")
  Optional<String> tracesEndpoint;

  @Produces
  @Singleton
  Sampler sampler() {
    return Sampler.traceIdRatioBased(ratio());
  }

  double ratio() {
    if (ratio.isPresent()) {
      double r = ratio.get();
      if (!(r >= 0 && r <= 1)) {
        throw new IllegalArgumentException("riss.traces.sample-ratio must be within 0 and 1: " + r);
      }
      return r;
    }
    return tracesEndpoint.filter(e -> !e.isBlank()).isPresent() ? 1.0 : 0.0;
  }
}
