package jp.riss.gateway;

import io.opentelemetry.context.Context;
import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * One request's trip to its service and the answer's way back, both streamed with backpressure: the
 * caller's body is read only as fast as the service takes it, the service's answer only as fast as
 * the caller takes it. Nothing is buffered beyond the connections' own write queues. Everything
 * runs on the event loop that took the request ({@link UpstreamClients}), so the state needs no
 * locking.
 *
 * <p>Written directly on the Vert.x HTTP client rather than with a proxy library: its interceptor
 * futures, copies of every header into intermediate maps, and a {@code Date} parsed and formatted
 * per answer were a third of the gateway's event-loop time per proxied search.
 */
final class UpstreamExchange {

  private final UpstreamRoute route;
  private final RoutingContext ctx;
  private final HttpServerRequest caller;
  private final Context parent;
  // On a connection shared with other callers' reads (UpstreamClients): never reset once sent.
  private final boolean sharedRead;

  private HttpClientRequest upstream;
  private HttpClientResponse answer;
  private boolean connected;
  // Set once the exchange has an outcome other than the service's answer, or none is wanted any
  // more (the caller left): nothing may flow either way after that.
  private boolean abandoned;
  private boolean answerEnded;
  private long bodyLimit = StreamedBodyLimit.NONE;
  private long bodyBytes;
  private long answerLength = -1;
  private long answerBytes;

  UpstreamExchange(UpstreamRoute route, RoutingContext ctx, Context parent) {
    this.route = route;
    this.ctx = ctx;
    this.caller = ctx.request();
    this.parent = parent;
    this.sharedRead = route.sharesConnection(caller);
  }

  void start() {
    // Connecting upstream is asynchronous; body bytes arriving meanwhile must wait, not drop.
    caller.pause();
    if (!route.bodyLimit().framingAccepted(ctx)) {
      return;
    }
    // The caller leaving mid-exchange: the service's work is of use to no one, stop it.
    ctx.response().exceptionHandler(failure -> abandon());
    route.client(sharedRead).request(route.options(caller)).onComplete(this::connected);
  }

  private void connected(AsyncResult<HttpClientRequest> result) {
    if (result.failed()) {
      fail(result.cause());
      return;
    }
    upstream = result.result();
    connected = true;
    if (abandoned || ctx.response().closed()) {
      abandoned = true;
      upstream.reset();
      return;
    }
    MultiMap headers = upstream.headers();
    HopByHopHeaders.copy(caller.headers(), headers, false);
    route.adjustRequest(ctx, parent, headers);
    upstream.exceptionHandler(this::fail);
    upstream.response().onComplete(this::answered);
    sendBody();
  }

  private void sendBody() {
    if (!UpstreamRoute.declaresBody(caller)) {
      // No body (every GET): the request head goes out in one write, with nothing to wait for.
      upstream.end();
      caller.resume();
      return;
    }
    if (caller.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
      upstream.setChunked(true);
      bodyLimit = route.bodyLimit().limitFor(caller);
    }
    upstream.drainHandler(v -> caller.resume());
    caller.handler(this::bodyChunk);
    caller.endHandler(
        v -> {
          if (!abandoned) {
            upstream.end();
          }
        });
    caller.exceptionHandler(failure -> abandon());
    if (caller.isEnded()) {
      upstream.end(); // the whole body was read before this route (nothing in the gateway does)
      return;
    }
    caller.resume();
  }

  private void bodyChunk(Buffer chunk) {
    if (abandoned) {
      return;
    }
    bodyBytes += chunk.length();
    if (bodyLimit != StreamedBodyLimit.NONE && bodyBytes > bodyLimit) {
      abandoned = true;
      upstream.reset();
      route.bodyLimit().refuse(ctx, bodyLimit);
      return;
    }
    upstream.write(chunk);
    if (upstream.writeQueueFull()) {
      caller.pause();
    }
  }

  private void answered(AsyncResult<HttpClientResponse> result) {
    if (result.failed()) {
      fail(result.cause());
      return;
    }
    answer = result.result();
    HttpServerResponse response = ctx.response();
    if (abandoned || response.closed()) {
      abandon();
      return;
    }
    response.setStatusCode(answer.statusCode());
    MultiMap headers = response.headers();
    HopByHopHeaders.copy(answer.headers(), headers, true);
    if (!headers.contains(HttpHeaders.DATE)) {
      headers.set(HttpHeaders.DATE, ResponseDate.now());
    }
    route.adjustResponse(ctx, headers);
    answerLength = declaredLength(answer.getHeader(HttpHeaders.CONTENT_LENGTH));
    // Without a declared length the answer goes on chunked; an HTTP/1.0 caller, which knows no
    // chunks, gets it delimited by the end of the connection instead.
    if (answerLength < 0 && caller.version() != HttpVersion.HTTP_1_0) {
      response.setChunked(true);
    }
    response.drainHandler(v -> answer.resume());
    answer.handler(this::answerChunk);
    answer.endHandler(v -> endAnswer(null));
    answer.exceptionHandler(this::fail);
  }

  private void answerChunk(Buffer chunk) {
    if (abandoned) {
      return;
    }
    HttpServerResponse response = ctx.response();
    answerBytes += chunk.length();
    if (answerBytes == answerLength) {
      // The last piece of a declared length: written together with the end of the answer.
      endAnswer(chunk);
      return;
    }
    response.write(chunk);
    if (response.writeQueueFull()) {
      answer.pause();
    }
  }

  private void endAnswer(Buffer last) {
    if (answerEnded || abandoned) {
      return;
    }
    answerEnded = true;
    if (last == null) {
      ctx.response().end();
    } else {
      ctx.response().end(last);
    }
  }

  private static long declaredLength(String value) {
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1; // the client's decoder refuses such an answer before it gets here
    }
  }

  /** The service could not be reached, or the exchange with it broke. */
  private void fail(Throwable failure) {
    if (abandoned || answerEnded) {
      return;
    }
    abandoned = true;
    HttpServerResponse response = ctx.response();
    if (response.headWritten()) {
      // Part of the service's answer is with the caller already: cut it off visibly.
      if (upstream != null) {
        upstream.reset();
      }
      response.reset();
      return;
    }
    if (upstream != null) {
      upstream.reset();
    }
    // What is left of the caller's body is read and dropped, so the connection stays usable.
    caller.handler(null);
    caller.endHandler(null);
    caller.resume();
    route.failed(ctx, connected, failure);
  }

  /**
   * No answer is wanted any more (the caller left): stop the service's part. A read on a shared
   * connection is not stopped: resetting a request already sent closes its connection, and with it
   * the exchanges of other callers sent on it after this one. Its answer is read to its end and
   * dropped instead (a read's answer is bounded; a service that never ends it meets the idle
   * timeout, which closes the connection anyway).
   */
  private void abandon() {
    if (abandoned && upstream == null) {
      return;
    }
    abandoned = true;
    if (upstream == null || answerEnded) {
      return;
    }
    if (!sharedRead) {
      upstream.reset();
    } else if (answer != null) {
      answer.handler(null);
      answer.resume(); // it may have been paused for a caller that was slow to read
    }
  }
}
