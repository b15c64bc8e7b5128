package jp.riss.platform.testing;

import java.net.URL;

/**
 * The management interface (health, metrics) listens on a port of its own, random in tests; a test
 * gets it with {@code @TestHTTPResource(value = "/", management = true) URL management}.
 */
public final class Management {

  private Management() {}

  /** {@code http://host:port} of a URL injected for the management interface. */
  public static String base(URL management) {
    return management.getProtocol() + "://" + management.getHost() + ":" + management.getPort();
  }
}
