package jp.riss.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
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

  private static final List<String> FORWARDING =
      List.of(
          "Forwarded",
          "X-Forwarded-For",
          "X-Forwarded-Proto",
          "X-Forwarded-Host",
          "X-Forwarded-Port",
          "X-Forwarded-Prefix",
          "X-Real-IP");

  private final Upstreams upstreams;
  private final TrustedProxies trustedProxies;

  ForwardedHeaders(Upstreams upstreams, TrustedProxies trustedProxies) {
    this.upstreams = upstreams;
    this.trustedProxies = trustedProxies;
  }

  /**
   * Sets the forwarding fields on {@code headers}, the request going upstream for {@code caller}.
   */
  void adjustRequest(HttpServerRequest caller, MultiMap headers) {
    TrustedProxies.Caller who = trustedProxies.caller(caller);
    String earlier = who.viaTrustedProxy() ? headers.get("X-Forwarded-For") : null;
    if (!who.viaTrustedProxy()) {
      for (String name : FORWARDING) {
        headers.remove(name);
      }
    }
    if (who.host() != null) {
      headers.set("X-Forwarded-Host", who.host());
    }
    headers.set("X-Forwarded-Proto", who.proto());
    SocketAddress remote = caller.remoteAddress();
    if (remote != null && remote.hostAddress() != null) {
      headers.set(
          "X-Forwarded-For",
          earlier == null ? remote.hostAddress() : earlier + ", " + remote.hostAddress());
    }
  }

  /** Rewrites the {@code Location} of a service's answer to {@code caller}, if it has one. */
  void adjustResponse(HttpServerRequest caller, MultiMap headers) {
    String location = headers.get("Location");
    if (location != null) {
      headers.set("Location", publicLocation(location, trustedProxies.caller(caller)));
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
