package jp.riss.gateway;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.riss.platform.testing.DevJwtResource;
import org.junit.jupiter.api.Test;

/**
 * Reads of the pipelined paths share upstream connections ({@link UpstreamClients}); other reads
 * and writes never do; and a caller leaving a read does not cut off the other callers' reads sent
 * after it on its connection. Against real HTTP servers ({@link EchoUpstreams}) whose answers name
 * the connection they came on.
 */
@QuarkusTest
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class UpstreamPipeliningTest {

  @TestHTTPResource("/")
  URI gateway;

  // The JDK's client opens a connection of its own for each request under way at once; pinned to
  // HTTP/1.1, as its default would try an h2c upgrade.
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void readsUnderWayAtOnceShareUpstreamConnections() {
    // Requests that find no connection ready each open one (a connection still being opened takes
    // none); the second wave finds the first wave's connections open and idle.
    all(16, i -> get("/api/v1/guide/held?wave=1&i=" + i));
    List<JsonObject> answers = all(16, i -> get("/api/v1/guide/held?wave=2&i=" + i));

    // Each held 300 ms at the service: one at a time per connection would need 16 of them.
    assertThat(
        answers.stream().map(a -> a.getString("method")).toList(), everyItem(equalTo("GET")));
    assertThat(
        "every caller gets the answer to its own request",
        answers.stream().map(a -> a.getString("query")).collect(Collectors.toSet()).size(),
        equalTo(16));
    assertThat(connections(answers).size(), lessThan(16));
  }

  @Test
  void readsOfPathsNotListedHaveAConnectionEach() {
    // The community's held path is not among the pipelined ones (a read that may wait for a
    // database would wait for the reads before it on a shared connection).
    all(16, i -> get("/api/v1/community/held?wave=1&i=" + i));
    List<JsonObject> answers = all(16, i -> get("/api/v1/community/held?wave=2&i=" + i));

    assertThat(connections(answers).size(), equalTo(16));
  }

  @Test
  void writesNeverShareAnUpstreamConnection() {
    List<JsonObject> answers =
        all(
            8,
            i ->
                HttpRequest.newBuilder(gateway.resolve("/api/v1/guide/held?i=" + i))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"i\":" + i + "}"))
                    .build());

    assertThat(
        answers.stream().map(a -> a.getString("method")).toList(), everyItem(equalTo("POST")));
    assertThat(connections(answers).size(), equalTo(8));
  }

  @Test
  void aCallerLeavingAReadDoesNotCutOffTheReadsSentAfterIt() throws Exception {
    EchoUpstreams.heldLongConnections.clear();
    List<CompletableFuture<HttpResponse<String>>> reads;
    try (Socket leaving = new Socket(gateway.getHost(), gateway.getPort())) {
      OutputStream out = leaving.getOutputStream();
      out.write(
          "GET /api/v1/guide/held-long HTTP/1.1\r\nHost: gateway\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !EchoUpstreams.heldLongConnections.isEmpty());

      reads =
          IntStream.range(0, 16)
              .mapToObj(i -> send(get("/api/v1/guide/held?after-long=" + i)))
              .toList();
      // The reads on other connections are answered after 300 ms, long after every read was
      // forwarded; the ones sent after the long read on its connection wait for its answer (1.5 s).
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> reads.stream().anyMatch(CompletableFuture::isDone));
      // The caller leaves while its read is still under way upstream.
    }

    List<HttpResponse<String>> answered = answered(reads);
    assertThat(
        "no read sent after the abandoned one on its connection is cut off",
        answered.stream().map(HttpResponse::statusCode).toList(),
        everyItem(equalTo(200)));
    Integer longConnection = EchoUpstreams.heldLongConnections.peek();
    assertThat(
        "some reads went on the abandoned read's connection, so this tested the case",
        connections(answered.stream().map(r -> new JsonObject(r.body())).toList()),
        hasItem(longConnection));
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(gateway.resolve(path)).GET().build();
  }

  private CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private List<JsonObject> all(int n, java.util.function.IntFunction<HttpRequest> request) {
    List<CompletableFuture<HttpResponse<String>>> sent =
        IntStream.range(0, n).mapToObj(i -> send(request.apply(i))).toList();
    List<HttpResponse<String>> answered = answered(sent);
    assertThat(answered.stream().map(HttpResponse::statusCode).toList(), everyItem(equalTo(200)));
    return answered.stream().map(r -> new JsonObject(r.body())).toList();
  }

  private static List<HttpResponse<String>> answered(
      List<CompletableFuture<HttpResponse<String>>> sent) {
    return sent.stream()
        .map(f -> f.orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join())
        .toList();
  }

  private static Set<Integer> connections(List<JsonObject> answers) {
    return answers.stream().map(a -> a.getInteger("connection")).collect(Collectors.toSet());
  }
}
