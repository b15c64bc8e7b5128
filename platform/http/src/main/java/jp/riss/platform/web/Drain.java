package jp.riss.platform.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * What happens to the rest of a body that was refused before it was read. Closing the connection at
 * once would make the kernel answer the client's pending bytes with a reset, and many clients
 * (Node's fetch among them) then report the reset instead of the answer already sent. So the rest
 * is read and thrown away, and the connection closed only once the client has finished sending (a
 * clean FIN), has sent more than a bound, or has gone quiet — and never before the answer itself
 * has been written: a refusal may be answered after the drain starts (the gateway starts it, then
 * writes its 413 for a streamed body over the limit), and a client that finished sending meanwhile
 * would otherwise see its connection closed with no answer at all.
 */
public final class Drain {

  /** More than this after a refusal is not a client that will read the answer: stop listening. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  /** A client that declared a body and stopped sending it gets its connection closed after this. */
  public static final long IDLE_MILLIS = 2_000;

  private Drain() {}

  /** How often a drained connection looks again whether its answer has been written. */
  static final long ANSWER_POLL_MILLIS = 10;

  /** Discards what is left of {@code request}'s body, then closes its connection. */
  public static void rest(Vertx vertx, HttpServerRequest request) {
    if (request.isEnded()) {
      closeOnceAnswered(vertx, request, IDLE_MILLIS);
      return;
    }
    new Drained(vertx, request).start();
  }

  /**
   * Closes {@code request}'s connection once its response has ended, or after {@code patience}
   * milliseconds if it never does. Polled rather than hooked on the response's end handler, which
   * the web layer keeps for its own end handlers.
   */
  private static void closeOnceAnswered(Vertx vertx, HttpServerRequest request, long patience) {
    if (request.response().ended() || request.response().closed() || patience <= 0) {
      request.connection().close();
      return;
    }
    vertx.setTimer(
        ANSWER_POLL_MILLIS, id -> closeOnceAnswered(vertx, request, patience - ANSWER_POLL_MILLIS));
  }

  private static final class Drained {
    private final Vertx vertx;
    private final HttpServerRequest request;
    private long bytes;
    private long timer = -1;
    private boolean closed;

    Drained(Vertx vertx, HttpServerRequest request) {
      this.vertx = vertx;
      this.request = request;
    }

    void start() {
      request.handler(
          chunk -> {
            bytes += chunk.length();
            if (bytes > MAX_BYTES) {
              close();
            } else {
              arm();
            }
          });
      request.endHandler(v -> close());
      request.exceptionHandler(e -> close());
      arm();
      request.resume();
    }

    private void arm() {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
      timer = vertx.setTimer(IDLE_MILLIS, id -> close());
    }

    private void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
      closeOnceAnswered(vertx, request, IDLE_MILLIS);
    }
  }
}
