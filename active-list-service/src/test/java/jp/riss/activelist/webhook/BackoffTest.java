package jp.riss.activelist.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Retries wait 30 s, then twice as long each time, ±20%, never more than the cap. */
class BackoffTest {

  private final Backoff production = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

  @Test
  void doublesFromTheBaseAfterEachFailure() {
    assertEquals(Duration.ofSeconds(30), production.after(1, 0.5));
    assertEquals(Duration.ofSeconds(60), production.after(2, 0.5));
    assertEquals(Duration.ofSeconds(120), production.after(3, 0.5));
    assertEquals(Duration.ofSeconds(960), production.after(6, 0.5));
  }

  @Test
  void jitterSpreadsEachDelayByAFifthEitherWay() {
    assertEquals(Duration.ofSeconds(48), production.after(2, 0.0));
    assertEquals(Duration.ofMillis(71_976), production.after(2, 0.999));
  }

  @Test
  void neverWaitsLongerThanTheCapHoweverManyFailures() {
    assertEquals(Duration.ofHours(1), production.after(8, 0.5));
    assertEquals(Duration.ofHours(1), production.after(1_000, 0.99));
    assertEquals(Duration.ofMinutes(48), production.after(1_000, 0.0));
  }
}
