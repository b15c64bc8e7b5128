package jp.riss.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The security matrix every service's {@code ProtectedEndpointsTest} runs over its own list of
 * protected endpoints: no token and every bad kind of token are a 401, every role not allowed a
 * 403, each as the problem the contract promises. One mechanism, so the services' matrices cannot
 * drift apart; each service keeps only its list and its roles. The requests leave out bodies and
 * headers (If-Match) the contract requires, so only the answers are checked against it.
 */
public final class EndpointMatrix {

  private EndpointMatrix() {}

  /** method, path, body (or null), the roles allowed. */
  public record Endpoint(String method, String path, Object body, Set<String> allowed) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** Every endpoint with every role of {@code roles} it does not allow. */
  public static Stream<Arguments> forbidden(Stream<Endpoint> endpoints, List<String> roles) {
    return endpoints.flatMap(
        e -> roles.stream().filter(r -> !e.allowed().contains(r)).map(r -> Arguments.of(e, r)));
  }

  /** Every endpoint with every kind of bad token of {@link Tokens#badTokens()}. */
  public static Stream<Arguments> badTokens(Stream<Endpoint> endpoints) {
    return endpoints.flatMap(
        e -> Tokens.badTokens().map(t -> Arguments.of(e, t.get()[0], t.get()[1])));
  }

  /** Without the bearer the contract requires, only the answer can be checked. */
  public static void noTokenIs401(Endpoint endpoint) {
    request(endpoint, given().filter(Contracts.responseValidator()))
        .request(endpoint.method(), endpoint.path())
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer")
        .body("type", equalTo("https://riss.example/problems/unauthorized"));
  }

  public static void badTokenIs401(Endpoint endpoint, String token) {
    request(
            endpoint,
            given()
                .filter(Contracts.responseValidator())
                .header("Authorization", "Bearer " + token))
        .request(endpoint.method(), endpoint.path())
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/unauthorized"));
  }

  public static void wrongRoleIs403(Endpoint endpoint, String role) {
    request(
            endpoint,
            given()
                .filter(Contracts.responseValidator())
                .header("Authorization", "Bearer " + Tokens.of(role, "someone")))
        .request(endpoint.method(), endpoint.path())
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/forbidden"));
  }

  private static RequestSpecification request(Endpoint endpoint, RequestSpecification spec) {
    if (endpoint.body() != null) {
      spec.contentType(ContentType.JSON).body(endpoint.body());
    }
    return spec;
  }
}
