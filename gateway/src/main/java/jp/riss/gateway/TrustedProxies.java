package jp.riss.gateway;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The proxies in front of the gateway whose word about the caller counts ({@code
 * riss.gateway.trusted-proxies}, CIDRs, none by default). {@code X-Forwarded-For}, {@code
 * X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code Forwarded} are whatever the sender wrote;
 * they say who the caller is only when the sender, the immediate peer, is one of these. From anyone
 * else they are ignored (and not passed on): otherwise a caller could pick its own rate-limit
 * identity or point the links services write at a host of its choosing.
 */
@Singleton
public class TrustedProxies {

  /**
   * The caller as the gateway should treat it: its address, and the scheme and host it used; {@code
   * peer} is the immediate peer's address (null if unknown), which {@code X-Forwarded-For} gets.
   */
  public record Caller(
      String address, String proto, String host, boolean viaTrustedProxy, String peer) {}

  private static final String CALLER_KEY = "riss.caller";

  private final List<Cidr> trusted;

  @Inject
  TrustedProxies(GatewayConfig config) {
    this(config.trustedProxies().orElse(List.of()));
  }

  TrustedProxies(List<String> cidrs) {
    List<Cidr> parsed = new ArrayList<>();
    for (String cidr : cidrs) {
      if (!cidr.isBlank()) {
        parsed.add(Cidr.parse(cidr.trim()));
      }
    }
    this.trusted = List.copyOf(parsed);
  }

  /**
   * Who sent {@code ctx}'s request, worked out once per request: the rate limit, the forwarding
   * fields and the {@code Location} rewrite all ask, and each answer cost a parse of the forwarding
   * headers (Vert.x Web's) and the peer's address formatted as text.
   */
  public Caller caller(RoutingContext ctx) {
    Caller known = ctx.get(CALLER_KEY);
    if (known == null) {
      known = judge(ctx.request());
      ctx.put(CALLER_KEY, known);
    }
    return known;
  }

  /**
   * Who sent {@code request}, judged as the class comment says. Private: callers go through {@link
   * #caller(RoutingContext)}, so a request is judged once however many ask.
   */
  private Caller judge(HttpServerRequest request) {
    SocketAddress remote = request.remoteAddress();
    String peer = remote == null ? null : remote.hostAddress();
    String host = request.authority() == null ? null : request.authority().toString();
    String proto = request.scheme();
    if (peer == null || !trusts(peer)) {
      return new Caller(peer == null ? "unknown" : peer, proto, host, false, peer);
    }
    List<String> forwardedFor = new ArrayList<>();
    for (String header : request.headers().getAll("X-Forwarded-For")) {
      for (String entry : header.split(",")) {
        forwardedFor.add(entry.trim());
      }
    }
    String forwardedProto = first(request.headers().get("X-Forwarded-Proto"));
    forwardedProto = forwardedProto == null ? null : forwardedProto.toLowerCase(Locale.ROOT);
    String forwardedHost = first(request.headers().get("X-Forwarded-Host"));
    // RFC 7239 Forwarded, when the proxy speaks only that.
    List<String> forwarded = request.headers().getAll("Forwarded");
    if (forwardedFor.isEmpty() && !forwarded.isEmpty()) {
      for (String header : forwarded) {
        for (String element : header.split(",")) {
          for (String pair : element.split(";")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
              continue;
            }
            String name = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = unquote(pair.substring(eq + 1).trim());
            switch (name) {
              case "for" -> forwardedFor.add(value);
              case "proto" ->
                  forwardedProto =
                      forwardedProto == null ? value.toLowerCase(Locale.ROOT) : forwardedProto;
              case "host" -> forwardedHost = forwardedHost == null ? value : forwardedHost;
              default -> {
                // by= and extensions say nothing about the caller
              }
            }
          }
        }
      }
    }
    return new Caller(
        clientAddress(peer, forwardedFor),
        forwardedProto == null || !("http".equals(forwardedProto) || "https".equals(forwardedProto))
            ? proto
            : forwardedProto,
        forwardedHost == null || forwardedHost.isEmpty() ? host : forwardedHost,
        true,
        peer);
  }

  /**
   * The nearest address in the chain that is not a trusted proxy, walking from the peer back
   * towards the client: entries left of it are that client's own claims and count for nothing.
   */
  String clientAddress(String peer, List<String> forwardedFor) {
    String client = peer;
    for (int i = forwardedFor.size() - 1; i >= 0; i--) {
      String entry = address(forwardedFor.get(i));
      if (entry.isEmpty()) {
        continue;
      }
      client = entry;
      if (!trusts(entry)) {
        break;
      }
    }
    return client;
  }

  /** Whether {@code address} (an IP literal) is a trusted proxy; false for anything else. */
  public boolean trusts(String address) {
    if (trusted.isEmpty()) {
      return false;
    }
    byte[] bytes = Cidr.literal(address);
    if (bytes == null) {
      return false;
    }
    for (Cidr cidr : trusted) {
      if (cidr.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  public boolean any() {
    return !trusted.isEmpty();
  }

  /** An entry as written by proxies: maybe quoted, maybe {@code [v6]:port} or {@code v4:port}. */
  private static String address(String entry) {
    String value = unquote(entry.trim());
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      return close > 0 ? value.substring(1, close) : value;
    }
    int colon = value.indexOf(':');
    if (colon > 0 && colon == value.lastIndexOf(':')) {
      return value.substring(0, colon); // IPv4 with a port
    }
    return value;
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  private static String first(String header) {
    if (header == null) {
      return null;
    }
    int comma = header.indexOf(',');
    String value = (comma < 0 ? header : header.substring(0, comma)).trim();
    return value.isEmpty() ? null : value;
  }

  /** An address block, e.g. {@code 10.0.0.0/8}, {@code 2001:db8::/32} or one address. */
  record Cidr(byte[] network, int prefix) {

    static Cidr parse(String text) {
      int slash = text.indexOf('/');
      byte[] network = literal(slash < 0 ? text : text.substring(0, slash));
      if (network == null) {
        throw new IllegalArgumentException(
            "riss.gateway.trusted-proxies: not an IP address or CIDR: " + text);
      }
      int prefix;
      try {
        prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException(
            "riss.gateway.trusted-proxies: bad prefix length in " + text);
      }
      return new Cidr(network, prefix);
    }

    boolean contains(byte[] address) {
      byte[] candidate = address;
      if (candidate.length != network.length) {
        // An IPv4 peer seen on an IPv6 socket (::ffff:a.b.c.d) matches IPv4 blocks.
        candidate = candidate.length == 16 && network.length == 4 ? mappedV4(candidate) : null;
        if (candidate == null) {
          return false;
        }
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (candidate[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xff << (8 - rest);
      return (candidate[full] & mask) == (network[full] & mask);
    }

    private static byte[] mappedV4(byte[] v6) {
      for (int i = 0; i < 10; i++) {
        if (v6[i] != 0) {
          return null;
        }
      }
      if (v6[10] != (byte) 0xff || v6[11] != (byte) 0xff) {
        return null;
      }
      return new byte[] {v6[12], v6[13], v6[14], v6[15]};
    }

    /** The bytes of an IP literal; null for anything else (never a name lookup). */
    static byte[] literal(String text) {
      if (text == null || text.isEmpty()) {
        return null;
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean ok =
            (c >= '0' && c <= '9')
                || (c >= 'a' && c <= 'f')
                || (c >= 'A' && c <= 'F')
                || c == '.'
                || c == ':';
        if (!ok) {
          return null;
        }
      }
      if (text.indexOf(':') < 0
          && (text.chars().filter(c -> c == '.').count() != 3
              || !text.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')))) {
        return null; // "10" or "a.b.c.d" would be taken as a number or a name to look up
      }
      try {
        return InetAddress.getByName(text).getAddress();
      } catch (UnknownHostException e) {
        return null;
      }
    }
  }
}
