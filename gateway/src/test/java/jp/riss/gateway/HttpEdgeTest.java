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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import jp.riss.platform.testing.DevJwtResource;
import jp.riss.platform.testing.EdgeChecks;
import org.junit.jupiter.api.Test;

/**
 * The edges of HTTP at the gateway: over-long request lines and header blocks, over-limit bodies
 * however they are framed and however the client sends them, and management endpoints that are not
 * on the public port. Every refusal is a problem with a request id that the client can read.
 */
@QuarkusTest
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class HttpEdgeTest {

  private static final int THREE_MEBIBYTES = 3 * 1024 * 1024;
  private static final int ATTEMPTS = 12;

  @TestHTTPResource("/")
  URL gateway;

  @Test
  void healthAndMetricsAreNotServedOnThePublicPort() {
    for (String path : new String[] {"/q/health", "/q/health/ready", "/q/metrics"}) {
      given()
          .get(path)
          .then()
          .statusCode(404)
          .contentType(GatewayProblems.MEDIA_TYPE)
          .body("type", equalTo("https://riss.example/problems/not-found"));
    }
    given().get("/openapi").then().statusCode(200);
  }

  @Test
  void anOverLongUriIsA414ProblemWithTheRequestId() throws IOException {
    EdgeChecks.uriTooLong(gateway, "/api/v1/active-list/listings");
  }

  @Test
  void anOverLargeHeaderBlockIsA431ProblemWithTheRequestId() throws IOException {
    EdgeChecks.headersTooLarge(gateway, "/api/v1/active-list/listings");
  }

  @Test
  void aRequestWithoutAUsableHostIsA400ProblemNotA500() throws IOException {
    EdgeChecks.unusableHost(gateway, "/api/v1/active-list/listings");
  }

  @Test
  void aControlCharacterInTheQueryIsRefusedBeforeAnyServiceSeesIt() {
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/active-list/listings?q=a%00b")
        .then()
        .statusCode(400)
        .contentType(GatewayProblems.MEDIA_TYPE)
        .body("violations[0].field", equalTo("q"));
  }

  @Test
  void everyOversizedBodyFromTheJdkClientGetsItsAnswer() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    byte[] body = new byte[THREE_MEBIBYTES];
    Arrays.fill(body, (byte) 'a');
    for (int i = 0; i < ATTEMPTS; i++) {
      HttpResponse<String> declared =
          client.send(post(HttpRequest.BodyPublishers.ofByteArray(body)), ofString());
      assertPayloadTooLarge(declared);
      // Without a length the body is chunked: the gateway counts what streams through.
      HttpResponse<String> chunked =
          client.send(
              post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))),
              ofString());
      assertPayloadTooLarge(chunked);
    }
  }

  @Test
  void everyOversizedBodyFromARawSocketGetsItsAnswer() throws Exception {
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) 'a');
    for (int i = 0; i < ATTEMPTS; i++) {
      try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /api/v1/guide/uploads HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: "
                    + THREE_MEBIBYTES
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        // The whole body, as a client that does not look for an early answer sends it.
        for (int sent = 0; sent < THREE_MEBIBYTES; sent += chunk.length) {
          out.write(chunk);
        }
        out.flush();
        InputStream in = socket.getInputStream();
        String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer, startsWith("HTTP/1.1 413"));
        assertThat(
            answer, containsString("\"type\":\"https://riss.example/problems/payload-too-large\""));
        assertThat(answer, containsString("\"requestId\":"));
      }
    }
  }

  @Test
  void aChunkedBodyWithinTheLimitStillStreamsThrough() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    byte[] body = "b".repeat(512 * 1024).getBytes(StandardCharsets.US_ASCII);
    HttpResponse<String> response =
        client.send(
            post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))),
            ofString());
    assertThat(response.statusCode(), equalTo(200));
    assertThat(response.body(), containsString("\"method\":\"POST\""));
    assertThat(response.body().length() > body.length, equalTo(true));
  }

  private HttpRequest post(HttpRequest.BodyPublisher body) {
    return HttpRequest.newBuilder(URI.create(gateway + "api/v1/guide/uploads"))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "text/plain")
        .POST(body)
        .build();
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static void assertPayloadTooLarge(HttpResponse<String> response) {
    assertThat(response.statusCode(), equalTo(413));
    assertThat(
        response.headers().firstValue("Content-Type").orElse(""),
        equalTo(GatewayProblems.MEDIA_TYPE));
    assertThat(
        response.body(),
        containsString("\"type\":\"https://riss.example/problems/payload-too-large\""));
    assertThat(response.headers().firstValue("X-Request-Id").isPresent(), equalTo(true));
  }
}
