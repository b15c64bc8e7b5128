package jp.riss.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailRelayBackoffTest {

  @Test
  void theWaitDoublesAfterEachFailureUpToTheCap() {
    MailRelay relay = new MailRelay();
    relay.config =
        new MailRelayConfig() {
          public boolean enabled() {
            return false;
          }

          public Duration pollInterval() {
            return Duration.ofSeconds(5);
          }

          public int batchSize() {
            return 20;
          }

          public Duration firstRetry() {
            return Duration.ofSeconds(30);
          }

          public Duration maxRetry() {
            return Duration.ofHours(1);
          }

          public int maxAttempts() {
            return 30;
          }

          public String messageIdDomain() {
            return "riss.example.jp";
          }
        };
    assertEquals(Duration.ofSeconds(30), relay.backoff(1));
    assertEquals(Duration.ofSeconds(60), relay.backoff(2));
    assertEquals(Duration.ofMinutes(32), relay.backoff(7));
    assertEquals(Duration.ofHours(1), relay.backoff(8));
    assertEquals(Duration.ofHours(1), relay.backoff(30));
  }
}
