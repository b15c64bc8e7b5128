package jp.riss.gateway;

import io.vertx.core.MultiMap;
import java.util.Map;

/**
 * Copies a message's header fields from one connection to the other without those that describe
 * only the connection they came on (RFC 9110 §7.6.1): {@code Connection} and every field it names,
 * {@code Keep-Alive}, {@code Proxy-Authenticate}, {@code Proxy-Authorization}, {@code
 * Proxy-Connection}, {@code TE}, {@code Trailer}, {@code Transfer-Encoding}, {@code Upgrade}. Each
 * side frames its own message. {@code Host} is left out too: the upstream request names its own.
 */
final class HopByHopHeaders {

  private HopByHopHeaders() {}

  /** Adds {@code from}'s end-to-end fields to {@code to}. */
  static void copy(MultiMap from, MultiMap to, boolean withHost) {
    String[] named = namedIn(from.get("Connection"));
    for (Map.Entry<String, String> field : from) {
      String name = field.getKey();
      if (!hopByHop(name)
          && (withHost || !name.equalsIgnoreCase("Host"))
          && (named == null || !contains(named, name))) {
        to.add(name, field.getValue());
      }
    }
  }

  /**
   * Whether {@code name} is one of the fixed hop-by-hop fields; a switch on the length first, as
   * nearly every field of a request or answer is none of them.
   */
  static boolean hopByHop(String name) {
    switch (name.length()) {
      case 2:
        return name.equalsIgnoreCase("TE");
      case 7:
        return name.equalsIgnoreCase("Trailer") || name.equalsIgnoreCase("Upgrade");
      case 10:
        return name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Keep-Alive");
      case 16:
        return name.equalsIgnoreCase("Proxy-Connection");
      case 17:
        return name.equalsIgnoreCase("Transfer-Encoding");
      case 18:
        return name.equalsIgnoreCase("Proxy-Authenticate");
      case 19:
        return name.equalsIgnoreCase("Proxy-Authorization");
      default:
        return false;
    }
  }

  /**
   * The field names a {@code Connection} value lists (e.g. {@code keep-alive, X-Debug}), or null
   * when it names none beyond its own options: the usual {@code keep-alive} or {@code close} costs
   * no split.
   */
  private static String[] namedIn(String connection) {
    if (connection == null
        || connection.equalsIgnoreCase("keep-alive")
        || connection.equalsIgnoreCase("close")) {
      return null;
    }
    String[] names = connection.split(",");
    for (int i = 0; i < names.length; i++) {
      names[i] = names[i].trim();
    }
    return names;
  }

  private static boolean contains(String[] names, String name) {
    for (String listed : names) {
      if (listed.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
