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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web site on a random loopback port that answers every way a link can: 200, a 301 to the 200
 * page, 404, 500, a page that never answers, a page that refuses HEAD but serves GET, and a
 * redirect loop, and a redirect to a private address. The link checker's tests reach nothing else.
 */
final class LocalSite implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(12);
  private final CountDownLatch released = new CountDownLatch(1);

  /** How many requests to {@code /busy} are being answered right now, and the most at once. */
  private final AtomicInteger busyNow = new AtomicInteger();

  private final AtomicInteger busyMost = new AtomicInteger();

  private final CountDownLatch busyArrivals;

  LocalSite() throws IOException {
    this(Integer.MAX_VALUE);
  }

  /**
   * A site whose {@code /busy} pages each hold their answer until more than {@code allowed}
   * requests to them have arrived, or half a second passed (within the checker's request timeout):
   * a checker that sends more than {@code allowed} at once is seen doing so, one that keeps to it
   * only ever has {@code allowed} in flight.
   */
  LocalSite(int allowed) throws IOException {
    busyArrivals = new CountDownLatch(allowed == Integer.MAX_VALUE ? 0 : allowed + 1);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/busy",
        exchange -> {
          busyMost.accumulateAndGet(busyNow.incrementAndGet(), Math::max);
          busyArrivals.countDown();
          try {
            busyArrivals.await(500, TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          busyNow.decrementAndGet();
          answer(exchange, 200, null);
        });
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

  /** The most requests to {@code /busy} that were being answered at the same time. */
  int mostAtOnce() {
    return busyMost.get();
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
