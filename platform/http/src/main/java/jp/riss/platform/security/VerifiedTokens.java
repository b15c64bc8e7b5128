package jp.riss.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens already verified, until they expire. A client sends the same token with every
 * request for its whole lifetime, and checking an RS256 signature costs more than serving a typical
 * read; a token is immutable, so once verified it stays valid until its {@code exp}. Keyed by the
 * whole token, never by a part of it: a token whose payload was changed under the same signature is
 * a different key and gets verified (and refused). Bounded: when full it is emptied, and tokens are
 * verified afresh.
 *
 * <p>The price: a token verified with a signing key that is then withdrawn stays accepted until its
 * {@code exp} (minutes for the platform's tokens), which is why key rotation keeps the old key
 * published for one token lifetime anyway.
 */
@ApplicationScoped
public class VerifiedTokens {

  private final ConcurrentHashMap<String, JsonWebToken> tokens = new ConcurrentHashMap<>();
  private final int maxTokens;
  private final Clock clock;

  @Inject
  VerifiedTokens(
      @ConfigProperty(name = "riss.security.verified-tokens.max", defaultValue = "10000")
          int maxTokens) {
    this(maxTokens, Clock.systemUTC());
  }

  VerifiedTokens(int maxTokens, Clock clock) {
    this.maxTokens = maxTokens;
    this.clock = clock;
  }

  /** The token as verified before, if it was and has not expired since; else null. */
  public JsonWebToken get(String token) {
    JsonWebToken verified = tokens.get(token);
    if (verified == null) {
      return null;
    }
    if (clock.instant().getEpochSecond() >= verified.getExpirationTime()) {
      tokens.remove(token, verified);
      return null;
    }
    return verified;
  }

  /** Remembers a token that just verified; one without an expiry is not remembered. */
  public void put(String token, JsonWebToken verified) {
    if (maxTokens <= 0 || verified.getExpirationTime() <= 0) {
      return;
    }
    if (tokens.size() >= maxTokens) {
      tokens.clear();
    }
    tokens.put(token, verified);
  }
}
