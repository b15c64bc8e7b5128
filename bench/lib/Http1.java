import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection for the load generators: a request, then a Content-Length or
 * chunked answer. Plain sockets, because a load generator shares the two cores with what it
 * measures, and the JDK's HttpClient spends more CPU per request than the gateway does.
 */
final class Http1 {

  /** An answer: its status, whether the connection may be reused, its body. */
  record Answer(int status, boolean keepAlive, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String host;

  Http1(URI base) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
    socket.setSoTimeout(30_000);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    out = socket.getOutputStream();
    host = base.getHost() + ":" + base.getPort();
  }

  Answer get(String path, String token) throws IOException {
    return send("GET", path, token, null);
  }

  Answer post(String path, String token, String json) throws IOException {
    return send("POST", path, token, json.getBytes(StandardCharsets.UTF_8));
  }

  private Answer send(String method, String path, String token, byte[] body) throws IOException {
    StringBuilder head =
        new StringBuilder(256)
            .append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host)
            .append("\r\nAccept: application/json\r\n");
    if (token != null) {
      head.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length)
          .append("\r\n");
    }
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    if (body != null) {
      out.write(body);
    }
    out.flush();
    return answer();
  }

  private Answer answer() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    long length = -1;
    boolean chunked = false;
    boolean keepAlive = true;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim();
      String value = header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("content-length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("transfer-encoding")) {
        chunked = value.equalsIgnoreCase("chunked");
      } else if (name.equalsIgnoreCase("connection")) {
        keepAlive = !value.equalsIgnoreCase("close");
      }
    }
    byte[] body;
    if (chunked) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int size = chunkSize(); size > 0; size = chunkSize()) {
        all.write(in.readNBytes(size));
        line();
      }
      for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
        // trailers are not used
      }
      body = all.toByteArray();
    } else if (length >= 0) {
      body = in.readNBytes((int) length);
      if (body.length < length) {
        throw new IOException("connection closed inside a body");
      }
    } else if (status == 204 || status == 304) {
      body = new byte[0];
    } else {
      throw new IOException("answer without Content-Length or chunked body");
    }
    return new Answer(status, keepAlive, body);
  }

  private int chunkSize() throws IOException {
    return Integer.parseInt(line().split(";")[0].trim(), 16);
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
