package jp.riss.gateway;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Who is calling, for rate limiting: the verified token's subject when there is one (a portal's
 * users behind one NAT must not share an allowance), otherwise the caller's address.
 */
@ApplicationScoped
public class ClientIdentity {

  /** A rate-limit key, prefixed by kind so a subject can never collide with an address. */
  public record Client(String key, boolean authenticated) {}

  private final boolean trustForwardedFor;

  ClientIdentity(GatewayConfig config) {
    this.trustForwardedFor = config.rateLimit().trustForwardedFor();
  }

  public Client of(RoutingContext ctx) {
    String subject = EdgeAuthentication.subject(ctx);
    if (subject != null) {
      return new Client("subject:" + subject, true);
    }
    HttpServerRequest request = ctx.request();
    SocketAddress remote = request.remoteAddress();
    String peer = remote == null ? null : remote.hostAddress();
    return new Client(
        "address:" + address(peer, request.headers().getAll("X-Forwarded-For"), trustForwardedFor),
        false);
  }

  /**
   * The address to limit. X-Forwarded-For is written by whoever sends the request, so it counts
   * only behind a trusted proxy, and then only its last entry: the one that proxy appended. Earlier
   * entries are the client's own claims, and trusting them would hand out a fresh allowance per
   * made-up address.
   */
  static String address(String peer, List<String> forwardedFor, boolean trustForwardedFor) {
    if (trustForwardedFor && !forwardedFor.isEmpty()) {
      String header = forwardedFor.get(forwardedFor.size() - 1);
      String last = header.substring(header.lastIndexOf(',') + 1).trim();
      if (!last.isEmpty()) {
        return last;
      }
    }
    return peer == null ? "unknown" : peer;
  }
}
