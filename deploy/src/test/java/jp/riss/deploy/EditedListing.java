package jp.riss.deploy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A published Active List listing its owner edits through the gateway: each accepted edit is one
 * {@code activelist.listing.v1} event in the Active List's outbox, which the practical guide
 * applies to its specialist read model.
 */
final class EditedListing {

  static final String TOPIC = "activelist.listing.v1";
  private static final String LISTINGS = "/api/v1/active-list/listings";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  private final String ownerToken;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicInteger edits = new AtomicInteger();

  private EditedListing(String id, String ownerToken) {
    this.id = id;
    this.ownerToken = ownerToken;
  }

  String id() {
    return id;
  }

  /** Registry import, create, pledge, submit, approve: as in LocalStackE2EIT. */
  static EditedListing publish() {
    String specialist = "e2e-faults-" + java.util.UUID.randomUUID();
    String registrationNumber = LocalStackE2EIT.randomRegistrationNumber();
    LocalStackE2EIT.importRegistry(registrationNumber, specialist);
    String owner = LocalStack.token("specialist", specialist);
    Map<String, Object> body = LocalStackE2EIT.newListing(registrationNumber);
    String id =
        await("the registry binding reaches the Active List")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(300))
            .until(
                () -> {
                  Response created =
                      given()
                          .auth()
                          .oauth2(owner)
                          .contentType(ContentType.JSON)
                          .body(body)
                          .post(LISTINGS);
                  return created.statusCode() == 201 ? created.path("id").toString() : null;
                },
                Objects::nonNull);
    String pledge =
        given().get("/api/v1/active-list/ethics-pledge").then().extract().path("version");
    given()
        .auth()
        .oauth2(owner)
        .contentType(ContentType.JSON)
        .body(Map.of("version", pledge))
        .post(LISTINGS + "/" + id + "/ethics-pledge")
        .then()
        .statusCode(200);
    given().auth().oauth2(owner).post(LISTINGS + "/" + id + "/submit").then().statusCode(200);
    given()
        .auth()
        .oauth2(LocalStack.token("ipa-reviewer", "e2e-faults-reviewer"))
        .post(LISTINGS + "/" + id + "/approve")
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"));
    return new EditedListing(id, owner);
  }

  /**
   * One edit by the owner (read for the ETag, then PUT with If-Match); true when accepted. Any
   * failure (the gateway answering 502/503 during a fault, a timeout) is false: the caller tries
   * again, and only accepted edits are in the outbox.
   */
  boolean edit(String displayName) {
    try {
      HttpResponse<String> read =
          http.send(
              request(LISTINGS + "/" + id).GET().build(), HttpResponse.BodyHandlers.ofString());
      String etag = read.headers().firstValue("ETag").orElse(null);
      if (read.statusCode() != 200 || etag == null) {
        return false;
      }
      HttpResponse<String> put =
          http.send(
              request(LISTINGS + "/" + id)
                  .header("If-Match", etag)
                  .header("Content-Type", "application/json")
                  .PUT(HttpRequest.BodyPublishers.ofString(selfDeclared(displayName)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return put.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(LocalStack.GATEWAY + path))
        .timeout(Duration.ofSeconds(15))
        .header("Authorization", "Bearer " + ownerToken);
  }

  private static String selfDeclared(String displayName) throws IOException {
    return JSON.writeValueAsString(
        Map.of(
            "displayName", displayName,
            "affiliation", Map.of("kind", "INDEPENDENT"),
            "availability", Map.of("status", "ACCEPTING"),
            "prefectures", List.of("13"),
            "themes", List.of(1),
            "formats", List.of(Map.of("format", "online", "feePerSessionJpy", 10000)),
            "contact", Map.of("email", "e2e@example.jp", "publiclyVisible", false)));
  }

  Writer writer() {
    return new Writer();
  }

  /** Edits the listing every 50 ms in the background until closed. */
  final class Writer implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger accepted = new AtomicInteger();

    private Writer() {
      timer.scheduleWithFixedDelay(
          () -> {
            if (edit("障害試験 " + id.substring(0, 8) + " #" + edits.incrementAndGet())) {
              accepted.incrementAndGet();
            }
          },
          0,
          50,
          TimeUnit.MILLISECONDS);
    }

    /** Waits until {@code n} more edits have been accepted (the stack takes writes again). */
    void awaitWrites(int n) {
      int target = accepted.get() + n;
      await("edits accepted through the gateway")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> accepted.get() >= target);
    }

    /** Lets the writer go on for {@code period} (during a fault: its edits may be refused). */
    void keepWritingFor(Duration period) {
      Instant until = Instant.now().plus(period);
      await("writing for " + period)
          .atMost(period.plusSeconds(10))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !Instant.now().isBefore(until));
    }

    @Override
    public void close() throws InterruptedException {
      timer.shutdown();
      timer.awaitTermination(1, TimeUnit.MINUTES);
    }
  }
}
