package jp.riss.gateway;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.inject.Singleton;
import jp.riss.platform.web.BodyLimit;

/**
 * Counts the bytes of a body streamed without a declared length (chunked) as they pass to the
 * service, against the same limit {@link BodyLimit} applies to declared ones. Past it, the upstream
 * request is reset and {@link UpstreamFailures} answers 413, so an over-limit body never reaches a
 * service whole, however it is framed.
 */
@Singleton
public class StreamedBodyLimit implements ProxyInterceptor {

  /** Set on the proxy context when the body went over; read by {@link UpstreamFailures}. */
  static final String EXCEEDED_KEY = "riss.body-exceeded";

  private final BodyLimit bodyLimit;

  StreamedBodyLimit(BodyLimit bodyLimit) {
    this.bodyLimit = bodyLimit;
  }

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
    ProxyRequest request = context.request();
    Body body = request.getBody();
    // A declared length was judged up front (BodyLimit); only a streamed body is counted here.
    if (body != null
        && body.length() < 0
        && request.proxiedRequest().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
      long max = bodyLimit.maxFor(request.proxiedRequest().path());
      request.setBody(
          Body.body(new Counted(body.stream(), max, () -> context.set(EXCEEDED_KEY, max)), -1));
    }
    return context.sendRequest();
  }

  /** Whether, and at which limit, the caller's body went over. */
  static Long exceeded(ProxyContext context) {
    return context.get(EXCEEDED_KEY, Long.class);
  }

  /** Passes the stream through, failing it once more than {@code max} bytes went by. */
  private static final class Counted implements ReadStream<Buffer> {
    private final ReadStream<Buffer> source;
    private final long max;
    private final Runnable onExceeded;
    private long seen;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    Counted(ReadStream<Buffer> source, long max, Runnable onExceeded) {
      this.source = source;
      this.max = max;
      this.onExceeded = onExceeded;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
      if (handler == null) {
        source.handler(null);
        return this;
      }
      source.handler(
          chunk -> {
            if (exceeded) {
              return;
            }
            seen += chunk.length();
            if (seen > max) {
              exceeded = true;
              onExceeded.run();
              if (exceptionHandler != null) {
                exceptionHandler.handle(new IllegalStateException("body over " + max + " bytes"));
              }
              return;
            }
            handler.handle(chunk);
          });
      return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
      this.exceptionHandler = handler;
      source.exceptionHandler(handler);
      return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
      source.pause();
      return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
      source.resume();
      return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
      source.fetch(amount);
      return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
      source.endHandler(
          endHandler == null
              ? null
              : v -> {
                if (!exceeded) {
                  endHandler.handle(v);
                }
              });
      return this;
    }
  }
}
