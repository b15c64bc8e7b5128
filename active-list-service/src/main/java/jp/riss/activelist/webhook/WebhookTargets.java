package jp.riss.activelist.webhook;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The SSRF guard: a webhook may only reach public internet addresses over https. Checked on
 * registration and again before every attempt, on the addresses the name resolves to then, so a
 * name re-pointed at an internal address later is refused too; and an attempt connects to exactly
 * the address checked ({@link WebhookSender}), so a name answering differently the moment after the
 * check (DNS rebinding) gains nothing.
 */
@Singleton
public class WebhookTargets {

  /** Why a URL may not be a webhook target; {@code message} reads after the field name. */
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

  @Inject
  public WebhookTargets(WebhookConfig config) {
    this(config.allowLoopback());
  }

  public WebhookTargets(boolean allowLoopback) {
    this(allowLoopback, InetAddress::getAllByName);
  }

  public WebhookTargets(boolean allowLoopback, Resolver resolver) {
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

  /** Why an address is not a public target, or null when it is. */
  static String blocked(InetAddress address) {
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
