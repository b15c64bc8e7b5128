package jp.riss.activelist.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jp.riss.platform.security.Roles;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every role, no token and every kind of bad token against every change-feed and webhook endpoint:
 * the allowed roles get an answer about the request, all others 403, and no or bad tokens 401 — as
 * problem+json.
 */
@QuarkusTest
class CrmSyncSecurityTest {

  private static final List<String> ROLES =
      List.of(
          Roles.SPECIALIST,
          Roles.SUPPORT_BODY,
          Roles.COMPANY,
          Roles.CERTIFIER,
          Roles.ALUMNI,
          Roles.CAMP_OFFICE,
          Roles.IPA_REVIEWER,
          Roles.IPA_ADMIN);
  private static final String ID = "00000000-0000-0000-0000-0000000000aa";
  private static final Set<String> FEED_READERS =
      Set.of(Roles.SUPPORT_BODY, Roles.IPA_ADMIN, Roles.IPA_REVIEWER);
  private static final Set<String> SUPPORT_BODY = Set.of(Roles.SUPPORT_BODY);

  /** (method, path, roles allowed, status an allowed role gets for this request). */
  static Stream<Arguments> endpoints() {
    String hook = Hooks.PATH + "/" + ID;
    return Stream.of(
        Arguments.of("GET", "/api/v1/active-list/changes?limit=1", FEED_READERS, 200),
        Arguments.of("POST", Hooks.PATH, SUPPORT_BODY, 400),
        Arguments.of("GET", Hooks.PATH, SUPPORT_BODY, 200),
        Arguments.of("GET", hook, SUPPORT_BODY, 404),
        Arguments.of("DELETE", hook, SUPPORT_BODY, 404),
        Arguments.of("POST", hook + "/secret", SUPPORT_BODY, 404),
        Arguments.of("DELETE", hook + "/secret/previous", SUPPORT_BODY, 404),
        Arguments.of("POST", hook + "/ping", SUPPORT_BODY, 404),
        Arguments.of("GET", hook + "/deliveries", SUPPORT_BODY, 404),
        Arguments.of("POST", hook + "/deliveries/" + ID + "/redeliver", SUPPORT_BODY, 404));
  }

  static Stream<Arguments> endpointsTimesRoles() {
    return endpoints()
        .flatMap(
            e ->
                ROLES.stream()
                    .map(
                        role ->
                            Arguments.of(e.get()[0], e.get()[1], e.get()[2], e.get()[3], role)));
  }

  @ParameterizedTest(name = "{0} {1} as {4}")
  @MethodSource("endpointsTimesRoles")
  void eachRoleGetsItsAnswer(
      String method, String path, Set<String> allowed, int allowedStatus, String role) {
    var response =
        given()
            .header("Authorization", "Bearer " + Tokens.of(role, "matrix-" + role))
            .contentType(ContentType.JSON)
            .body("{}")
            .request(method, path)
            .then();
    if (allowed.contains(role)) {
      response.statusCode(allowedStatus);
    } else {
      response
          .statusCode(403)
          .contentType("application/problem+json")
          .body("type", equalTo("https://riss.example/problems/forbidden"));
    }
  }

  static Stream<Arguments> endpointsTimesBadTokens() {
    List<Arguments> bad = Tokens.badTokens().toList();
    return endpoints()
        .flatMap(
            e ->
                Stream.concat(
                    Stream.of(Arguments.of(e.get()[0], e.get()[1], "no token", null)),
                    bad.stream()
                        .map(t -> Arguments.of(e.get()[0], e.get()[1], t.get()[0], t.get()[1]))));
  }

  @ParameterizedTest(name = "{0} {1} with {2}")
  @MethodSource("endpointsTimesBadTokens")
  void noOrBadTokensAre401(String method, String path, String kind, String token) {
    var request = given().contentType(ContentType.JSON).body("{}");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    request
        .request(method, path)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/unauthorized"));
  }
}
