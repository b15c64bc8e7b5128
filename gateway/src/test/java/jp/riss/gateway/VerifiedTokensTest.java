package jp.riss.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A verified token is remembered until its exp, never beyond, in bounded memory. */
class VerifiedTokensTest {

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-05T12:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  @Test
  void rememberedUntilItExpires() {
    VerifiedTokens tokens = new VerifiedTokens(10, clock);
    long exp = now.get().getEpochSecond() + 60;
    tokens.put("a.b.c", "spec-1", exp);

    assertEquals("spec-1", tokens.get("a.b.c").subject());
    assertNull(tokens.get("a.b.d"), "another token, even with the same header and payload");

    now.set(now.get().plusSeconds(59));
    assertEquals("spec-1", tokens.get("a.b.c").subject());
    now.set(now.get().plusSeconds(1));
    assertNull(tokens.get("a.b.c"), "at exp it must be verified again (and is then refused)");
  }

  @Test
  void boundedAndNeverRememberedWithoutAnExpiry() {
    VerifiedTokens tokens = new VerifiedTokens(2, clock);
    long exp = now.get().getEpochSecond() + 60;
    tokens.put("t1", "s1", exp);
    tokens.put("t2", "s2", exp);
    tokens.put("t3", "s3", exp);
    assertNull(tokens.get("t1"));
    assertEquals("s3", tokens.get("t3").subject());

    tokens.put("no-exp", "s", 0);
    assertNull(tokens.get("no-exp"));
    VerifiedTokens off = new VerifiedTokens(0, clock);
    off.put("t", "s", exp);
    assertNull(off.get("t"));
  }
}
