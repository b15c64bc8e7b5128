package jp.riss.guide.links;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A web site on a random loopback port that answers every way a link can: 200, a 301 to the 200
 * page, 404, 500, a page that never answers, a page that refuses HEAD but serves GET, and a
 * redirect loop, and a redirect to a private address. The link checker's tests reach nothing else.
 */
final class LocalSite implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private final CountDownLatch released = new CountDownLatch(1);

  LocalSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/ok", exchange -> answer(exchange, 200, null));
    server.createContext("/old", exchange -> answer(exchange, 301, "/ok"));
    server.createContext("/gone", exchange -> answer(exchange, 404, null));
    server.createContext("/broken", exchange -> answer(exchange, 500, null));
    server.createContext("/loop", exchange -> answer(exchange, 302, "/loop"));
    server.createContext(
        "/to-intranet", exchange -> answer(exchange, 302, "https://10.1.2.3/intranet"));
    server.createContext(
        "/no-head",
        exchange -> answer(exchange, exchange.getRequestMethod().equals("HEAD") ? 405 : 200, null));
    server.createContext(
        "/hang",
        exchange -> {
          // Never answers while the test runs; the checker must give up on its own.
          try {
            released.await(1, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    server.setExecutor(threads);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static void answer(HttpExchange exchange, int status, String location)
      throws IOException {
    if (location != null) {
      exchange.getResponseHeaders().add("Location", location);
    }
    byte[] body = "page".getBytes();
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
