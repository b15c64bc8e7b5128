package jp.riss.gateway;

import io.opentelemetry.context.Context;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jp.riss.gateway.ContractIndex.ServiceDocument;
import jp.riss.gateway.Upstreams.Upstream;

/**
 * A route whose requests go on to one service: which address, which path there, and what the
 * gateway changes on the way in and out. How a request travels is {@link UpstreamExchange}'s part.
 * Two kinds: the service's API, forwarded as sent with the forwarding fields, and one of its public
 * documents, fetched without the caller's credentials.
 */
final class UpstreamRoute implements Handler<RoutingContext> {

  private final Upstream upstream;
  private final UpstreamForwarding forwarding;
  // A document route only; null on the API route, which alone carries the forwarding fields.
  private final ServiceDocument document;

  private UpstreamRoute(
      Upstream upstream, UpstreamForwarding forwarding, ServiceDocument document) {
    this.upstream = upstream;
    this.forwarding = forwarding;
    this.document = document;
  }

  /** The service's API: path and query as sent. */
  static UpstreamRoute api(Upstream upstream, UpstreamForwarding forwarding) {
    return new UpstreamRoute(upstream, forwarding, null);
  }

  /** One of the service's public documents (its contract, its AsyncAPI). */
  static UpstreamRoute document(
      Upstream upstream, UpstreamForwarding forwarding, ServiceDocument document) {
    return new UpstreamRoute(upstream, forwarding, document);
  }

  @Override
  public void handle(RoutingContext ctx) {
    new UpstreamExchange(this, ctx, Context.current()).start();
  }

  String service() {
    return upstream.service();
  }

  /** The client for a request; {@code sharedRead}: a safe one without a body, see below. */
  HttpClient client(boolean sharedRead) {
    return forwarding.clients.current(sharedRead);
  }

  /**
   * Whether {@code caller}'s request shares an upstream connection with others (pipelined, {@link
   * UpstreamClients}): a GET or HEAD of a pipelined path on the API route that declares no body.
   */
  boolean sharesConnection(HttpServerRequest caller) {
    HttpMethod method = caller.method();
    return (method == HttpMethod.GET || method == HttpMethod.HEAD)
        && document == null
        && forwarding.clients.sharesReadsOf(caller.path())
        && !declaresBody(caller);
  }

  /** Whether {@code caller}'s request announces a body: chunked, or a length other than 0. */
  static boolean declaresBody(HttpServerRequest caller) {
    String length = caller.getHeader(HttpHeaders.CONTENT_LENGTH);
    return caller.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
        || (length != null && !"0".equals(length));
  }

  /**
   * Where {@code caller}'s request goes: the service's address, the path as sent or the document's.
   */
  RequestOptions options(HttpServerRequest caller) {
    return new RequestOptions()
        .setHost(upstream.host())
        .setPort(upstream.port())
        .setSsl(upstream.tls())
        .setIdleTimeout(forwarding.timeoutMillis)
        .setMethod(caller.method())
        .setURI(document == null ? caller.uri() : document.uri(caller));
  }

  /** The gateway's changes to the copied header fields of the request going upstream. */
  void adjustRequest(RoutingContext ctx, Context parent, MultiMap headers) {
    if (document == null) {
      forwarding.forwardedHeaders.adjustRequest(ctx, headers);
    } else {
      document.adjustRequest(headers);
    }
    forwarding.traceContext.adjustRequest(parent, headers);
  }

  /** The gateway's changes to the copied header fields of the service's answer. */
  void adjustResponse(RoutingContext ctx, MultiMap headers) {
    if (document == null) {
      forwarding.forwardedHeaders.adjustResponse(ctx, headers);
    }
  }

  StreamedBodyLimit bodyLimit() {
    return forwarding.bodyLimit;
  }

  void failed(RoutingContext ctx, boolean connected, Throwable failure) {
    forwarding.failures.answer(ctx, upstream.service(), connected, failure);
  }
}
