package jp.riss.gateway;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Upstream clients per event loop, each used only from its own loop, so the connections it opens
 * live on the loop that serves the caller: a request and its upstream exchange stay on one thread.
 * A single shared pool hands a request any idle connection, most often one bound to another event
 * loop, and every step of the exchange (the write, each response chunk, the end) then crosses
 * threads and wakes the other loop. Each pool keeps up to 64 keep-alive connections per service.
 *
 * <p>Two pools per loop. Reads (GET, HEAD without a body) of the paths {@code
 * riss.gateway.upstream-pipelined-paths} lists (the Active List's search) share connections, up to
 * {@code riss.gateway.upstream-pipelining} of them under way on one connection (HTTP/1.1
 * pipelining): the service then reads several requests in one system call and writes several
 * answers in one, and so does the gateway on its side. Under load that more than halved the
 * service's kernel time per proxied search (bench/active-list-search). Only reads a service answers
 * from memory on its I/O thread are listed: a service answers the requests of one connection one
 * after the other, so reads that wait for a database would wait for each other. Every other request
 * goes alone on its connection; writes never share one, as RFC 9112 §9.3.2 advises, so a broken
 * connection never leaves a write in doubt. The price of sharing is stated in gateway/README.md
 * ("Routes"): an answer waits for the ones sent before it on its connection, and a read whose
 * caller left is read to its end instead of reset, since a reset closes the connection ({@link
 * UpstreamExchange}).
 */
@Singleton
public class UpstreamClients {

  /** The largest piece of an upstream answer handed on at once (see {@link #newClient}). */
  static final int UPSTREAM_CHUNK_BYTES = 64 * 1024;

  /** The bounds of {@code riss.gateway.upstream-pipelining}. */
  static final int MIN_PIPELINING = 1;

  static final int MAX_PIPELINING = 64;

  private final Vertx vertx;
  private final GatewayConfig config;
  private final int pipelining;
  private final Set<String> pipelinedPaths;
  private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();
  private final Map<Thread, HttpClient> readClients = new ConcurrentHashMap<>();
  private volatile HttpClient shared;

  UpstreamClients(Vertx vertx, GatewayConfig config) {
    this.vertx = vertx;
    this.config = config;
    this.pipelining = config.upstreamPipelining();
    this.pipelinedPaths = Set.copyOf(config.upstreamPipelinedPaths());
    if (pipelining < MIN_PIPELINING || pipelining > MAX_PIPELINING) {
      throw new IllegalArgumentException(
          "riss.gateway.upstream-pipelining (UPSTREAM_PIPELINING) must be between "
              + MIN_PIPELINING
              + " and "
              + MAX_PIPELINING
              + ", not "
              + pipelining);
    }
  }

  /**
   * Whether a read (GET, HEAD without a body) of {@code path} shares connections: one of {@code
   * riss.gateway.upstream-pipelined-paths}, with pipelining on.
   */
  boolean sharesReadsOf(String path) {
    return pipelining > 1 && pipelinedPaths.contains(path);
  }

  /**
   * The current event loop's client for a request, its pipelining one for a safe request without a
   * body ({@code sharedRead}); a shared, unpipelined one for a request forwarded from elsewhere.
   */
  HttpClient current(boolean sharedRead) {
    if (Context.isOnEventLoopThread()) {
      return sharedRead
          ? readClients.computeIfAbsent(Thread.currentThread(), thread -> newClient(pipelining))
          : clients.computeIfAbsent(Thread.currentThread(), thread -> newClient(1));
    }
    HttpClient client = shared;
    if (client == null) {
      synchronized (this) {
        if (shared == null) {
          shared = newClient(1);
        }
        client = shared;
      }
    }
    return client;
  }

  void close(@Observes ShutdownEvent event) {
    // Vert.x outlives the application in dev mode; pooled upstream connections must not.
    clients.values().forEach(HttpClient::close);
    readClients.values().forEach(HttpClient::close);
    if (shared != null) {
      shared.close();
    }
  }

  /** A client sending up to {@code pipelining} requests on a connection before their answers. */
  private HttpClient newClient(int pipelining) {
    return vertx.createHttpClient(
        new HttpClientOptions()
            .setPipelining(pipelining > 1)
            .setPipeliningLimit(pipelining)
            .setConnectTimeout((int) config.connectTimeout().toMillis())
            .setKeepAlive(true)
            // A service's answer is handed on in pieces of at most this size, each one written and
            // flushed to the caller on its own. Vert.x' 8 KB default cut a 13 KB page of search
            // results in two, each piece one more write, flush and stream event; the decoder
            // slices what has arrived anyway, so a larger limit buffers nothing more.
            .setMaxChunkSize(UPSTREAM_CHUNK_BYTES)
            // No client span: ForwardedTraceContext names the server span as the parent instead.
            .setTracingPolicy(TracingPolicy.IGNORE),
        new PoolOptions().setHttp1MaxSize(64));
  }
}
