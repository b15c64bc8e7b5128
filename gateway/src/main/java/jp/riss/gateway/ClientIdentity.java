package jp.riss.gateway;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Who is calling, for rate limiting: the verified token's subject when there is one (a portal's
 * users behind one NAT must not share an allowance), otherwise the caller's address — the peer's,
 * or the one a trusted proxy reports ({@link TrustedProxies}).
 */
@Singleton
public class ClientIdentity {

  /** A rate-limit key, prefixed by kind so a subject can never collide with an address. */
  public record Client(String key, boolean authenticated) {}

  private final TrustedProxies trustedProxies;

  ClientIdentity(TrustedProxies trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  public Client of(RoutingContext ctx) {
    String subject = EdgeAuthentication.subject(ctx);
    if (subject != null) {
      return new Client("subject:" + subject, true);
    }
    return new Client("address:" + address(ctx), false);
  }

  /** The caller's address, as far as the gateway can tell (see {@link TrustedProxies}). */
  public String address(RoutingContext ctx) {
    return trustedProxies.caller(ctx).address();
  }
}
