package jp.riss.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Tells services who called and under which public address, since upstream they only see the
 * gateway; they need it for absolute links (pagination {@code next}) and audit logs. What a caller
 * wrote in these headers itself is dropped unless it is a trusted proxy ({@link TrustedProxies}):
 * then its {@code X-Forwarded-For} is extended and its scheme and host are passed on. On the way
 * back, a {@code Location} that points at a service's internal address is rewritten to the public
 * address the caller used: a client can only follow what the gateway serves.
 */
@Singleton
public class ForwardedHeaders {

  // Names made once with their hash: every forwarded request removes and sets them.
  private static final CharSequence FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
  private static final CharSequence FORWARDED_PROTO =
      HttpHeaders.createOptimized("X-Forwarded-Proto");
  private static final CharSequence FORWARDED_HOST =
      HttpHeaders.createOptimized("X-Forwarded-Host");
  private static final List<CharSequence> FORWARDING =
      List.of(
          HttpHeaders.createOptimized("Forwarded"),
          FORWARDED_FOR,
          FORWARDED_PROTO,
          FORWARDED_HOST,
          HttpHeaders.createOptimized("X-Forwarded-Port"),
          HttpHeaders.createOptimized("X-Forwarded-Prefix"),
          HttpHeaders.createOptimized("X-Real-IP"));

  private final Upstreams upstreams;
  private final TrustedProxies trustedProxies;

  ForwardedHeaders(Upstreams upstreams, TrustedProxies trustedProxies) {
    this.upstreams = upstreams;
    this.trustedProxies = trustedProxies;
  }

  /**
   * Sets the forwarding fields on {@code headers}, the request going upstream for {@code ctx}'s.
   */
  void adjustRequest(RoutingContext ctx, MultiMap headers) {
    TrustedProxies.Caller who = trustedProxies.caller(ctx);
    String earlier = who.viaTrustedProxy() ? headers.get(FORWARDED_FOR) : null;
    if (!who.viaTrustedProxy()) {
      for (CharSequence name : FORWARDING) {
        headers.remove(name);
      }
    }
    if (who.host() != null) {
      headers.set(FORWARDED_HOST, who.host());
    }
    headers.set(FORWARDED_PROTO, who.proto());
    String peer = who.peer();
    if (peer != null) {
      headers.set(FORWARDED_FOR, earlier == null ? peer : earlier + ", " + peer);
    }
  }

  /** Rewrites the {@code Location} of a service's answer to {@code caller}, if it has one. */
  void adjustResponse(RoutingContext ctx, MultiMap headers) {
    String location = headers.get("Location");
    if (location != null) {
      headers.set("Location", publicLocation(location, trustedProxies.caller(ctx)));
    }
  }

  /** {@code location} as the caller can follow it: a service's own address becomes the caller's. */
  String publicLocation(String location, TrustedProxies.Caller caller) {
    URI uri;
    try {
      uri = new URI(location);
    } catch (URISyntaxException e) {
      return location;
    }
    if (!uri.isAbsolute() || uri.getHost() == null || caller.host() == null) {
      return location; // relative: the same path on both sides
    }
    int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    boolean internal =
        upstreams.all().stream()
            .anyMatch(u -> u.host().equalsIgnoreCase(uri.getHost()) && u.port() == port);
    if (!internal) {
      return location; // somewhere else on purpose
    }
    return caller.proto()
        + "://"
        + caller.host()
        + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
  }
}
