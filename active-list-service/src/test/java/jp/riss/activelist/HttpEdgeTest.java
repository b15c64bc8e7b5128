package jp.riss.activelist;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.activelist.listing.Listings;
import jp.riss.activelist.registry.RegistrationFacts;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;
import org.hamcrest.MatcherAssert;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The edges of HTTP on a service's own endpoints: query parameters (typed, undeclared), control
 * characters in JSON, relative Locations, streamed bodies over the limit.
 */
@QuarkusTest
class HttpEdgeTest {

  private static final String API = "/api/v1/active-list";

  @TestHTTPResource("/")
  URL service;

  /** A number IPA's registry binds to this owner: only its holder may list it. */
  private static String heldBy(String owner) {
    String number = Listings.uniqueRegistrationNumber();
    RegistrationFacts.bind(number, owner);
    return number;
  }

  private static String admin() {
    return "Bearer " + Tokens.of("ipa-admin", "edge-admin");
  }

  @Test
  void aLimitThatIsNotANumberIsA400NamingItOnEveryList() {
    String id = Listings.createDraft("edge-owner", Listings.uniqueRegistrationNumber());
    for (String list :
        List.of(
            Listings.PATH + "/" + id + "/history",
            Listings.PATH + "/review-queue",
            API + "/inquiries",
            API + "/engagements",
            API + "/consultation-events",
            Listings.PATH)) {
      given()
          .filter(Contracts.responseValidator())
          .header("Authorization", admin())
          .get(list + "?limit=abc")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("violations.field", hasItems("limit"));
    }
  }

  @Test
  void anUndeclaredQueryParameterIsA400NamingIt() {
    // A misspelt filter would otherwise answer every listing, as if no filter had been asked.
    given()
        .filter(Contracts.responseValidator())
        .get(Listings.PATH + "?prefectur=13")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", equalTo(List.of("prefectur")));
    // Declared by @QueryParam on the method: both undeclared ones are named at once.
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", admin())
        .get(Listings.PATH + "/review-queue?limit=5&page=2&sort=asc")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("page", "sort")));
    // What the operation declares still works.
    given()
        .filter(Contracts.validator())
        .get(Listings.PATH + "?prefecture=13&limit=5")
        .then()
        .statusCode(200);
  }

  @Test
  void aParameterGivenTwiceIsA400UnlessTheContractMakesItRepeatable() {
    // Which limit would count? Rather than keep the first silently, the caller is told.
    given()
        .filter(Contracts.responseValidator())
        .get(Listings.PATH + "?limit=5&limit=500&cursor=a&cursor=b")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", equalTo(List.of("cursor", "limit")))
        .body("violations.message", equalTo(List.of("must be given once", "must be given once")));
    // An array in the contract (any of these prefectures) takes every value given. (The request
    // validator misreads 3.1 array parameters, so only the answer is checked against the contract.)
    given()
        .filter(Contracts.responseValidator())
        .get(Listings.PATH + "?prefecture=13&prefecture=14&limit=5")
        .then()
        .statusCode(200);
  }

  @Test
  void aControlCharacterInAJsonStringIsA400NamingItsPath() {
    Map<String, Object> body =
        Map.of(
            "registrationNumber",
            Listings.uniqueRegistrationNumber(),
            "selfDeclared",
            Listings.selfDeclared(
                "displayName", "情報\u0000太郎", "otherQualifications", List.of("ok", "a\u0007b")));
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", "edge-nul"))
        .contentType(ContentType.JSON)
        .body(body)
        .post(Listings.PATH)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("selfDeclared.displayName"))
        .body("violations[0].message", equalTo("must not contain control characters"));
    // Tab, CR and LF are text.
    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", "edge-nul"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "registrationNumber",
                heldBy("edge-nul"),
                "selfDeclared",
                Listings.selfDeclared("selfIntroduction", "一行目\r\n\t二行目")))
        .post(Listings.PATH)
        .then()
        .statusCode(201);
  }

  @Test
  void locationsAreRelativeAlsoWhenReplayed() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Listings.body(heldBy("edge-location"));
    for (int attempt = 0; attempt < 2; attempt++) {
      given()
          .filter(Contracts.validator())
          .header("Authorization", "Bearer " + Tokens.of("specialist", "edge-location"))
          .header("Idempotency-Key", key)
          .contentType(ContentType.JSON)
          .body(body)
          .post(Listings.PATH)
          .then()
          .statusCode(201)
          .header("Location", startsWith(Listings.PATH + "/"))
          .header("Location", not(Matchers.containsString("://")));
    }
  }

  @Test
  void aStreamedBodyWithinTheLimitIsReadAsUsual() throws Exception {
    byte[] body =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsBytes(Listings.body(heldBy("edge-chunked")));
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(service + "api/v1/active-list/listings"))
                    .header("Authorization", "Bearer " + Tokens.of("specialist", "edge-chunked"))
                    .header("Content-Type", "application/json")
                    // No length: the body goes chunked.
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(body)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    MatcherAssert.assertThat(response.body(), response.statusCode(), equalTo(201));
  }

  @Test
  void aStreamedBodyOverTheLimitIsA413Problem() throws Exception {
    byte[] body = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(body, (byte) ' ');
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(service + "api/v1/active-list/listings"))
                    .header("Authorization", "Bearer " + Tokens.of("specialist", "edge-big"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(body)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    MatcherAssert.assertThat(response.statusCode(), equalTo(413));
    MatcherAssert.assertThat(
        response.headers().firstValue("Content-Type").orElse(""),
        equalTo("application/problem+json"));
    MatcherAssert.assertThat(
        response.body(),
        Matchers.containsString("\"type\":\"https://riss.example/problems/payload-too-large\""));
  }
}
