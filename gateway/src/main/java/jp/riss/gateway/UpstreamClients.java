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
import java.util.concurrent.ConcurrentHashMap;

/**
 * One upstream client per event loop, each used only from its own loop, so the connections it opens
 * live on the loop that serves the caller: a request and its upstream exchange stay on one thread.
 * A single shared pool hands a request any idle connection, most often one bound to another event
 * loop, and every step of the exchange (the write, each response chunk, the end) then crosses
 * threads and wakes the other loop. Each pool keeps up to 64 keep-alive connections per service.
 */
@Singleton
public class UpstreamClients {

  /** The largest piece of an upstream answer handed on at once (see {@link #newClient}). */
  static final int UPSTREAM_CHUNK_BYTES = 64 * 1024;

  private final Vertx vertx;
  private final GatewayConfig config;
  private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();
  private volatile HttpClient shared;

  UpstreamClients(Vertx vertx, GatewayConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  /** The current event loop's client; a shared one for a request forwarded from elsewhere. */
  HttpClient current() {
    if (Context.isOnEventLoopThread()) {
      return clients.computeIfAbsent(Thread.currentThread(), thread -> newClient());
    }
    HttpClient client = shared;
    if (client == null) {
      synchronized (this) {
        if (shared == null) {
          shared = newClient();
        }
        client = shared;
      }
    }
    return client;
  }

  void close(@Observes ShutdownEvent event) {
    // Vert.x outlives the application in dev mode; pooled upstream connections must not.
    clients.values().forEach(HttpClient::close);
    if (shared != null) {
      shared.close();
    }
  }

  private HttpClient newClient() {
    return vertx.createHttpClient(
        new HttpClientOptions()
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
