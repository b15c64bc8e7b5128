package jp.riss.gateway;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jp.riss.platform.testing.RecordedSpans;

/** Hands the tests' span recorder to Quarkus' tracer provider (every SpanProcessor bean joins). */
@Singleton
class SpanRecording {

  @Produces
  @Singleton
  RecordedSpans recordedSpans() {
    return new RecordedSpans();
  }
}
