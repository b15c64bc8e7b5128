package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import jp.riss.platform.testing.DevJwtResource;
import org.junit.jupiter.api.Test;

/** Oversize bodies are refused up front, before a byte of them reaches a service. */
@QuarkusTest
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class BodyLimitTest {

  @TestHTTPResource("/")
  URL gateway;

  @Test
  void aDeclaredBodyOverOneMebibyteIsAPayloadTooLargeProblem() throws IOException {
    // Only the headers are sent: the gateway must decide from Content-Length alone, so a client
    // is not made to upload a body that will be refused.
    String response =
        exchange(
            "POST /api/v1/active-list/listings HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: "
                + (1024 * 1024 + 1)
                + "\r\n\r\n");

    assertThat(response, startsWith("HTTP/1.1 413"));
    assertThat(response.toLowerCase(), containsString("content-type: application/problem+json"));
    assertThat(response.toLowerCase(), containsString("x-request-id: "));
    assertThat(
        response, containsString("\"type\":\"https://riss.example/problems/payload-too-large\""));
    assertThat(response, containsString("\"status\":413"));
  }

  @Test
  void exactlyOneMebibyteIsAccepted() {
    given()
        .contentType("text/plain")
        .body("a".repeat(1024 * 1024))
        .post("/api/v1/guide/uploads")
        .then()
        .statusCode(200)
        .body("body.length()", equalTo(1024 * 1024));
  }

  @Test
  void theCompletionImportTakesABulkBodyUpToTwentyMebibytes() {
    String fiveMebibytes = "a".repeat(5 * 1024 * 1024);
    given()
        .contentType("text/csv")
        .body(fiveMebibytes.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/community/completion-imports")
        .then()
        .statusCode(200)
        .body("body.length()", equalTo(fiveMebibytes.length()));
  }

  @Test
  void theCompletionImportStillHasALimit() throws IOException {
    String response =
        exchange(
            "POST /api/v1/community/completion-imports HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Content-Type: text/csv\r\n"
                + "Content-Length: "
                + (20 * 1024 * 1024 + 1)
                + "\r\n\r\n");
    assertThat(response, startsWith("HTTP/1.1 413"));
  }

  private String exchange(String request) throws IOException {
    try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // The gateway closes the connection after refusing, so reading to the end is bounded.
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
