package jp.riss.deploy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The edges of HTTP, probed through the gateway of the local stack as a new user meets them:
 * management endpoints off the public ports, bad and unknown query parameters, control characters,
 * over-long requests and oversized bodies from two different clients, and Locations that point
 * where the client can follow them.
 */
@ExtendWith(LocalStack.class)
class HttpEdgeE2EIT {

  private static final String LISTINGS = "/api/v1/active-list/listings";
  private static final int THREE_MEBIBYTES = 3 * 1024 * 1024;
  private static final int ATTEMPTS = 20;

  @Test
  void healthAndMetricsAnswerOnlyOnTheManagementPorts() {
    for (App app : App.values()) {
      given()
          .baseUri("http://127.0.0.1:" + app.managementPort())
          .get("/q/health/ready")
          .then()
          .statusCode(200)
          .body("status", equalTo("UP"));
      for (String path : List.of("/q/health/ready", "/q/metrics")) {
        given()
            .baseUri("http://127.0.0.1:" + app.port)
            .get(path)
            .then()
            .statusCode(404)
            .contentType(startsWith("application/problem+json"));
      }
    }
  }

  @Test
  void badAndUnknownQueryParametersAreProblemsNamingThem() {
    given()
        .auth()
        .oauth2(LocalStack.token("ipa-admin", "e2e-edge-admin"))
        .get("/api/v1/active-list/engagements?limit=abc")
        .then()
        .statusCode(400)
        .body("violations.field", hasItems("limit"));
    given()
        .get(LISTINGS + "?prefectur=13")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("prefectur")));
    given()
        .urlEncodingEnabled(false)
        .get(LISTINGS + "?q=a%00b")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("q")));
  }

  @Test
  void aNulInJsonIsAProblemNamingItsPathAndLocationsAreRelative() {
    String specialist = "e2e-edge-" + System.nanoTime();
    Map<String, Object> listing =
        LocalStackE2EIT.newListing(LocalStackE2EIT.randomRegistrationNumber());
    @SuppressWarnings("unchecked")
    Map<String, Object> declared =
        new java.util.HashMap<>((Map<String, Object>) listing.get("selfDeclared"));
    declared.put("displayName", "情報\u0000太郎");
    given()
        .auth()
        .oauth2(LocalStack.token("specialist", specialist))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "registrationNumber", listing.get("registrationNumber"), "selfDeclared", declared))
        .post(LISTINGS)
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("selfDeclared.displayName"));
    // Only the holder IPA's registry binds to a number may list it; the binding reaches the Active
    // List as an event from the registry's owner, the deemed-attendance service.
    LocalStackE2EIT.importRegistry((String) listing.get("registrationNumber"), specialist);
    await("the registry binding reaches the Active List")
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                given()
                    .auth()
                    .oauth2(LocalStack.token("specialist", specialist))
                    .contentType(ContentType.JSON)
                    .body(listing)
                    .post(LISTINGS),
            created -> created.statusCode() == 201)
        .then()
        .statusCode(201)
        .header("Location", startsWith(LISTINGS + "/"))
        .header("Location", not(containsString(":808")));
  }

  @Test
  void overLongRequestsAreProblemsWithARequestId() throws IOException {
    String uri =
        raw(
            "GET "
                + LISTINGS
                + "?q="
                + "a".repeat(9000)
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: e2e-414\r\n\r\n");
    assertThat(uri, startsWith("HTTP/1.1 414"));
    assertThat(uri, containsString("\"requestId\":\"e2e-414\""));
    String headers =
        raw(
            "GET "
                + LISTINGS
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: e2e-431\r\nX-Padding: "
                + "p".repeat(20_000)
                + "\r\n\r\n");
    assertThat(headers, startsWith("HTTP/1.1 431"));
    assertThat(headers, containsString("\"requestId\":\"e2e-431\""));
  }

  @Test
  void everyOversizedBodyIsAnsweredToTheJdkClient() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    byte[] body = new byte[THREE_MEBIBYTES];
    Arrays.fill(body, (byte) ' ');
    String token = LocalStack.token("specialist", "e2e-edge-big");
    for (int i = 0; i < ATTEMPTS; i++) {
      for (HttpRequest.BodyPublisher publisher :
          List.of(
              HttpRequest.BodyPublishers.ofByteArray(body),
              HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))) {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(URI.create(LocalStack.GATEWAY + LISTINGS))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(publisher)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode(), equalTo(413));
        assertThat(response.body(), containsString("payload-too-large"));
        assertThat(response.body(), containsString("\"requestId\""));
      }
    }
  }

  @Test
  void everyOversizedBodyIsAnsweredToARawSocket() throws Exception {
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) ' ');
    for (int i = 0; i < ATTEMPTS; i++) {
      try (Socket socket = new Socket("127.0.0.1", 8080)) {
        socket.setSoTimeout(15_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST "
                    + LISTINGS
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: "
                    + THREE_MEBIBYTES
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        for (int sent = 0; sent < THREE_MEBIBYTES; sent += chunk.length) {
          out.write(chunk);
        }
        out.flush();
        String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
        assertThat(answer, startsWith("HTTP/1.1 413"));
        assertThat(answer, containsString("payload-too-large"));
      }
    }
  }

  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", 8080)) {
      socket.setSoTimeout(15_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        answer.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      // the connection stayed open after the answer: what arrived is the answer
    }
    return answer.toByteArray();
  }
}
