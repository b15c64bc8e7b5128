package jp.riss.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
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
    tokens.put("a.b.c", verified("spec-1", exp));

    assertEquals("spec-1", tokens.get("a.b.c").getSubject());
    assertNull(tokens.get("a.b.d"), "another token, even with the same header and payload");

    now.set(now.get().plusSeconds(59));
    assertEquals("spec-1", tokens.get("a.b.c").getSubject());
    now.set(now.get().plusSeconds(1));
    assertNull(tokens.get("a.b.c"), "at exp it must be verified again (and is then refused)");
  }

  @Test
  void boundedAndNeverRememberedWithoutAnExpiry() {
    VerifiedTokens tokens = new VerifiedTokens(2, clock);
    long exp = now.get().getEpochSecond() + 60;
    tokens.put("t1", verified("s1", exp));
    tokens.put("t2", verified("s2", exp));
    tokens.put("t3", verified("s3", exp));
    assertNull(tokens.get("t1"));
    assertEquals("s3", tokens.get("t3").getSubject());

    tokens.put("no-exp", verified("s", 0));
    assertNull(tokens.get("no-exp"));
    VerifiedTokens off = new VerifiedTokens(0, clock);
    off.put("t", verified("s", exp));
    assertNull(off.get("t"));
  }

  private static JsonWebToken verified(String subject, long exp) {
    JwtClaims claims = new JwtClaims();
    claims.setSubject(subject);
    if (exp > 0) {
      claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(exp));
    }
    return new DefaultJWTCallerPrincipal("JWT", claims);
  }
}
