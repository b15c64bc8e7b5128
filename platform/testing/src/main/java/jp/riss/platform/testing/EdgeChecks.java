package jp.riss.platform.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.URL;

/**
 * Over-long requests, as every RISS process must answer them: a problem with its type and the
 * caller's request id, never the HTTP codec's empty answer and closed connection.
 */
public final class EdgeChecks {

  private EdgeChecks() {}

  /** A request target of 9,000 bytes on {@code path} is a 414 problem. */
  public static void uriTooLong(URL server, String path) throws IOException {
    String answer =
        get(
            server,
            path + "?q=" + "a".repeat(9000),
            "Host: localhost\r\nX-Request-Id: edge-414\r\n\r\n");
    assertProblem(answer, 414, "uri-too-long", "edge-414");
  }

  /** 20,000 bytes of headers on {@code path} are a 431 problem. */
  public static void headersTooLarge(URL server, String path) throws IOException {
    String answer =
        get(
            server,
            path,
            "Host: localhost\r\nX-Request-Id: edge-431\r\nX-Padding: "
                + "p".repeat(20_000)
                + "\r\n\r\n");
    assertProblem(answer, 431, "header-fields-too-large", "edge-431");
  }

  /**
   * An HTTP/1.1 request with no Host, with a Host that is not {@code host[:port]}, or with two
   * Hosts is a 400 problem naming Host (RFC 9112 §3.2), never a bare status or a 500.
   */
  public static void unusableHost(URL server, String path) throws IOException {
    String[] hosts = {"", "Host: two words\r\n", "Host: localhost\r\nHost: elsewhere\r\n"};
    for (int i = 0; i < hosts.length; i++) {
      String requestId = "edge-host-" + i;
      String answer =
          get(
              server,
              path,
              hosts[i] + "X-Request-Id: " + requestId + "\r\nConnection: close\r\n\r\n");
      assertProblem(answer, 400, "validation", requestId);
      assertThat(answer, containsString("\"field\":\"Host\""));
    }
  }

  /** A raw GET of {@code target} with {@code rest}: the header lines and the blank line. */
  private static String get(URL server, String target, String rest) throws IOException {
    return RawHttp.exchange(
        server.getHost(), server.getPort(), "GET " + target + " HTTP/1.1\r\n" + rest);
  }

  private static void assertProblem(String answer, int status, String slug, String requestId) {
    assertThat(answer, startsWith("HTTP/1.1 " + status));
    assertThat(answer.toLowerCase(), containsString("content-type: application/problem+json"));
    assertThat(answer, containsString("\"type\":\"https://riss.example/problems/" + slug + "\""));
    assertThat(answer, containsString("\"requestId\":\"" + requestId + "\""));
  }
}
