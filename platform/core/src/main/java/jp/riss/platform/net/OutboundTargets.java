package jp.riss.platform.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The platform's SSRF guard for every outbound call to an address a user supplied (webhook targets,
 * links in content): only public internet addresses, over https. {@link #parse} checks the URL as
 * given; {@link #check} resolves the host and refuses it unless every address is public, so a
 * caller connects to exactly an address returned by {@code check} (never to a fresh lookup of the
 * name), and a name answering differently a moment later (DNS rebinding) gains nothing.
 *
 * <p>{@code allowLoopback} lets loopback addresses through over plain http as well: only for tests
 * and local development, set by an explicit configuration property of the caller; production
 * refuses every non-public target and plain http.
 */
public class OutboundTargets {

  /** Why a URL may not be called; {@code message} reads after the field name. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** Name resolution: the system's, or a test's stand-in for a DNS server it controls. */
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final boolean allowLoopback;
  private final Resolver resolver;

  public OutboundTargets(boolean allowLoopback) {
    this(allowLoopback, InetAddress::getAllByName);
  }

  public OutboundTargets(boolean allowLoopback, Resolver resolver) {
    this.allowLoopback = allowLoopback;
    this.resolver = resolver;
  }

  /** Parses and checks a URL as given by a client. */
  public URI parse(String url) throws Refused {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Refused("is not a URL");
    }
    if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawAuthority() == null) {
      throw new Refused("must be an absolute https URL with a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Refused("must not carry credentials");
    }
    if (uri.getRawFragment() != null) {
      throw new Refused("must not have a fragment");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && allowLoopback)) {
      throw new Refused("must use https");
    }
    return uri;
  }

  /**
   * Resolves the URL's host and refuses it unless every address is public.
   *
   * @return the addresses, all allowed
   */
  public List<InetAddress> check(URI uri) throws Refused {
    List<InetAddress> addresses;
    try {
      addresses = List.of(resolver.resolve(uri.getHost()));
    } catch (UnknownHostException e) {
      throw new Refused("has a host name that does not resolve");
    }
    boolean http = "http".equalsIgnoreCase(uri.getScheme());
    for (InetAddress address : addresses) {
      if (allowLoopback && address.isLoopbackAddress()) {
        continue;
      }
      if (http) {
        throw new Refused("must use https");
      }
      String why = blocked(address);
      if (why != null) {
        throw new Refused("resolves to " + why + " address " + address.getHostAddress());
      }
    }
    return addresses;
  }

  /** The request target of a checked URL: its raw path ({@code /} when empty) and query. */
  public static String pathAndQuery(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /** Why an address is not a public target, or null when it is. */
  public static String blocked(InetAddress address) {
    if (address.isAnyLocalAddress()) {
      return "an unspecified";
    }
    if (address.isLoopbackAddress()) {
      return "a loopback";
    }
    if (address.isLinkLocalAddress()) {
      return "a link-local";
    }
    if (address.isSiteLocalAddress()) {
      return "a private";
    }
    if (address.isMulticastAddress()) {
      return "a multicast";
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return blockedIpv4(b);
    }
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return "a unique-local";
      }
      // IPv4 embedded in NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses reaches that IPv4.
      if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
        return embedded(b, 12);
      }
      if (b[0] == 0x20 && b[1] == 0x02) {
        return embedded(b, 2);
      }
    }
    return null;
  }

  private static String embedded(byte[] b, int offset) {
    try {
      InetAddress v4 =
          InetAddress.getByAddress(
              new byte[] {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]});
      return blocked(v4);
    } catch (UnknownHostException e) {
      return "an invalid";
    }
  }

  private static String blockedIpv4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 0) {
      return "a \"this network\"";
    }
    if (first == 100 && second >= 64 && second <= 127) {
      return "a shared (carrier-grade NAT)";
    }
    if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
      return "an IETF protocol";
    }
    if (first == 198 && (second == 18 || second == 19)) {
      return "a benchmarking";
    }
    if (first >= 240) {
      return "a reserved";
    }
    return null;
  }
}
