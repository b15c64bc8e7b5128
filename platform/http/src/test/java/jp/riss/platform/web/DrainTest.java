package jp.riss.platform.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refused body is drained and its connection closed, but never before the refusal itself has been
 * written: the gateway's proxy writes its 413 only after the drain has started, and a client that
 * finished sending in between must still read the answer rather than a bare close.
 */
class DrainTest {

  private static final String ANSWER = "refused";

  private Vertx vertx;
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                request ->
                    // The whole body has arrived before anybody decided to refuse it; the answer
                    // is written a moment after the drain started, as the proxy does.
                    request.endHandler(
                        ended -> {
                          Drain.rest(vertx, request);
                          vertx.setTimer(
                              200,
                              id ->
                                  request
                                      .response()
                                      .setStatusCode(413)
                                      .putHeader("Connection", "close")
                                      .end(ANSWER));
                        }))
            .listen(0)
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void theAnswerWrittenAfterTheDrainStartedStillReachesTheClient() throws Exception {
    try (Socket socket = new Socket("localhost", server.actualPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
      assertTrue(answer.endsWith(ANSWER), answer);
    }
  }
}
