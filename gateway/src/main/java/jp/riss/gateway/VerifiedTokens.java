package jp.riss.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tokens already verified at the edge, until they expire. A client sends the same token with every
 * request for its whole lifetime, and checking an RS256 signature (and handing the check to a
 * worker thread, since a key fetch may block) costs more than proxying the request; a token is
 * immutable, so once verified it stays valid until its {@code exp}. Keyed by the whole token, never
 * by a part of it: a token whose payload was changed under the same signature is a different key
 * and gets verified (and refused). Bounded: when full it is emptied, and tokens are verified
 * afresh.
 */
@ApplicationScoped
public class VerifiedTokens {

  /** What the edge needs of a verified token. */
  public record Verified(String subject, long expiresAtEpochSecond) {}

  private final ConcurrentHashMap<String, Verified> tokens = new ConcurrentHashMap<>();
  private final int maxTokens;
  private final Clock clock;

  @Inject
  VerifiedTokens(
      @ConfigProperty(name = "riss.gateway.verified-tokens.max", defaultValue = "10000")
          int maxTokens) {
    this(maxTokens, Clock.systemUTC());
  }

  VerifiedTokens(int maxTokens, Clock clock) {
    this.maxTokens = maxTokens;
    this.clock = clock;
  }

  /** The verified token, if it was verified before and has not expired since; else null. */
  public Verified get(String token) {
    Verified verified = tokens.get(token);
    if (verified == null) {
      return null;
    }
    if (clock.instant().getEpochSecond() >= verified.expiresAtEpochSecond()) {
      tokens.remove(token, verified);
      return null;
    }
    return verified;
  }

  /** Remembers a token that just verified; one without an expiry is not remembered. */
  public void put(String token, String subject, long expiresAtEpochSecond) {
    if (maxTokens <= 0 || expiresAtEpochSecond <= 0) {
      return;
    }
    if (tokens.size() >= maxTokens) {
      tokens.clear();
    }
    tokens.put(token, new Verified(subject, expiresAtEpochSecond));
  }
}
