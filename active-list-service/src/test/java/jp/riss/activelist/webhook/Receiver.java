package jp.riss.activelist.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A CRM's webhook endpoint on a random loopback port: records every request and answers with the
 * scripted status codes (then 200), optionally holding each answer until released.
 */
final class Receiver implements AutoCloseable {

  record Request(Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
  private volatile CountDownLatch hold = new CountDownLatch(0);

  Receiver() throws IOException {
    this(0);
  }

  /** On a given port: an endpoint that was down (nothing listening) and comes back. */
  Receiver(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/hook",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body));
          }
          try {
            hold.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          Integer status = script.poll();
          exchange.sendResponseHeaders(status == null ? 200 : status, -1);
          exchange.close();
        });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  Receiver answering(Integer... statuses) {
    script.addAll(List.of(statuses));
    return this;
  }

  /** Holds every answer until {@link #release()}: a slow endpoint. */
  Receiver holding() {
    hold = new CountDownLatch(1);
    return this;
  }

  void release() {
    hold.countDown();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> requestsMentioning(String text) {
    return requests.stream().filter(r -> r.body().contains(text)).toList();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
  }
}
