package jp.riss.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 exchange over a plain socket, for requests the usual clients refuse to send (control
 * characters in a header, an over-long request line) and answers they hide.
 */
public final class RawHttp {

  private RawHttp() {}

  /** Sends {@code request} as is and reads until the server closes the connection. */
  public static String exchange(String host, int port, String request) throws IOException {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          answer.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException e) {
        // the server kept the connection open: what arrived is the answer
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  /** The body of a raw answer (after the blank line); chunk sizes, if any, stay in. */
  public static String body(String answer) {
    int start = answer.indexOf("\r\n\r\n");
    return start < 0 ? "" : answer.substring(start + 4);
  }
}
