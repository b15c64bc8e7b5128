package jp.riss.activelist.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jp.riss.activelist.listing.Listings;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every new protected endpoint meets every role, no token and bad tokens: the allowed roles get
 * past security (here a 404 for an unknown id, or the answer itself), the others a 403, and no
 * token or a bad one a 401 — always as problem+json.
 */
@QuarkusTest
class LifecycleSecurityTest {

  static final List<String> ROLES =
      List.of(
          "specialist",
          "support-body",
          "company",
          "certifier",
          "alumni",
          "camp-office",
          "ipa-reviewer",
          "ipa-admin");

  record Endpoint(String method, String path, String contentType, String body, Set<String> roles) {}

  static final String ID = "00000000-0000-0000-0000-0000000000aa";
  static final Set<String> IPA = Set.of("ipa-reviewer", "ipa-admin");

  static List<Endpoint> endpoints() {
    String listing = Listings.PATH + "/" + ID;
    String json = "application/json";
    return List.of(
        new Endpoint("POST", listing + "/submit", null, null, Set.of("specialist")),
        new Endpoint("POST", listing + "/approve", null, null, Set.of("ipa-reviewer")),
        new Endpoint(
            "POST", listing + "/reject", json, "{\"reason\":\"x\"}", Set.of("ipa-reviewer")),
        new Endpoint("POST", listing + "/suspend", json, "{\"reason\":\"x\"}", IPA),
        new Endpoint("POST", listing + "/reinstate", null, null, IPA),
        new Endpoint("POST", listing + "/reconfirm", null, null, Set.of("specialist")),
        new Endpoint(
            "POST",
            listing + "/ethics-pledge",
            json,
            "{\"version\":\"2025.1\"}",
            Set.of("specialist")),
        new Endpoint(
            "GET",
            listing + "/criteria",
            null,
            null,
            Set.of("specialist", "ipa-reviewer", "ipa-admin")),
        new Endpoint("GET", Listings.PATH + "/review-queue", null, null, IPA),
        new Endpoint("POST", Listings.PATH + "/staleness-runs", null, null, Set.of("ipa-admin")),
        // --- Security Camp alumnus links (issue 12 §6) ---
        new Endpoint("GET", "/api/v1/active-list/alumnus-links", null, null, Set.of("specialist")),
        new Endpoint(
            "POST",
            "/api/v1/active-list/alumnus-links/" + ID + "/confirmation",
            null,
            null,
            Set.of("specialist")),
        new Endpoint(
            "POST",
            "/api/v1/active-list/alumnus-links/" + ID + "/withdrawal",
            null,
            null,
            Set.of("specialist"))
        // --- end of Security Camp alumnus links ---
        );
  }

  static Stream<Arguments> roleByEndpoint() {
    return endpoints().stream()
        .flatMap(e -> ROLES.stream().map(role -> Arguments.of(e.method(), e.path(), role, e)));
  }

  @ParameterizedTest(name = "{0} {1} as {2}")
  @MethodSource("roleByEndpoint")
  void eachRoleMeetsEachEndpoint(String method, String path, String role, Endpoint endpoint) {
    var response = send(endpoint, "Bearer " + Tokens.of(role, "matrix-" + role)).then();
    if (endpoint.roles().contains(role)) {
      // Past security: unknown ids are 404, bad bodies 400, runs 200 — never 401 or 403.
      response.statusCode(anyOf(equalTo(200), equalTo(400), equalTo(404)));
    } else {
      response
          .statusCode(403)
          .contentType("application/problem+json")
          .body("type", equalTo("https://riss.example/problems/forbidden"));
    }
  }

  static Stream<Arguments> anonymousAndBadTokens() {
    return endpoints().stream()
        .flatMap(
            e ->
                Stream.concat(
                    Stream.of(Arguments.of(e.method(), e.path(), "no", null, e)),
                    Tokens.badTokens()
                        .map(
                            bad ->
                                Arguments.of(
                                    e.method(),
                                    e.path(),
                                    bad.get()[0],
                                    "Bearer " + bad.get()[1],
                                    e))));
  }

  @ParameterizedTest(name = "{0} {1}: {2} token is 401")
  @MethodSource("anonymousAndBadTokens")
  void withoutAValidTokenIts401(
      String method, String path, String kind, String authorization, Endpoint endpoint) {
    send(endpoint, authorization)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer")
        .body("type", not(equalTo(null)));
  }

  private static io.restassured.response.Response send(Endpoint e, String authorization) {
    var request = given();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (e.contentType() != null) {
      request.contentType(e.contentType()).body(e.body());
    }
    return request.request(e.method(), e.path());
  }
}
