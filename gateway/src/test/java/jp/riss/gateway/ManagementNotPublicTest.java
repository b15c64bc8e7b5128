package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import jp.riss.platform.testing.DevJwtResource;
import jp.riss.platform.testing.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services' management and introspection endpoints ({@code /q/health}, {@code /q/metrics},
 * {@code /q/openapi}) cannot be reached through the gateway, however the path is spelt: only the
 * contract index routes ({@code /openapi/<context>}) lead to a service's contract. The stand-in
 * services answer every path with 200, so anything that got through would show.
 */
@QuarkusTest
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class ManagementNotPublicTest {

  @TestHTTPResource("/")
  URL gateway;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/q/health",
        "/q/health/ready",
        "/q/metrics",
        "/q/openapi",
        "/q/openapi?format=json",
        "/q/dev-ui",
        "/api/v1/active-list/../q/metrics",
        "/api/v1/active-list/../../../q/metrics",
        "/api/v1/active-list/../../../q/openapi",
        "/api/v1/guide/../../../q/health",
        "/api/v1/active-list/%2e%2e/%2e%2e/%2e%2e/q/openapi",
        "/api/v1/active-list/%2E%2E/%2E%2E/%2E%2E/q/metrics",
        "/api/v1/deemed-attendance/..%2f..%2f..%2fq/openapi",
        "/api/v1/community/..%5c..%5c..%5cq/health",
        "/api/v1/community/..;/..;/..;/q/openapi",
        "/api/v1/guide/listings/./../../../../q/metrics",
        "/api/v1/active-list/listings/..",
      })
  void isANotFoundProblemOnThePublicPort(String target) throws IOException {
    String answer =
        RawHttp.exchange(
            gateway.getHost(),
            gateway.getPort(),
            "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(answer, startsWith("HTTP/1.1 404 "));
    assertThat(answer.toLowerCase(), containsString("content-type: application/problem+json"));
    assertThat(
        RawHttp.body(answer),
        containsString("\"type\":\"https://riss.example/problems/not-found\""));
    assertFalse(answer.contains("-service\""), "no stand-in service answered: " + answer);
  }

  @ParameterizedTest
  @ValueSource(strings = {"active-list", "deemed-attendance", "community", "guide"})
  void eachServicesContractIsServedOnlyByTheIndexRoute(String context) {
    given()
        .get("/openapi/" + context)
        .then()
        .statusCode(200)
        .body("openapi", equalTo("3.1.0"))
        .body("info.title", equalTo(EchoUpstreams.SERVICES.get(context)));
  }

  @org.junit.jupiter.api.Test
  void dotSegmentsAndEncodedSeparatorsAreRecognised() {
    assertTrue(ProxyRoutes.traverses("/api/v1/active-list/%2E%2e/x"));
    assertTrue(ProxyRoutes.traverses("/api/v1/active-list/a%2Fb"));
    assertTrue(ProxyRoutes.traverses("/api/v1/active-list/..;x/q"));
    assertFalse(ProxyRoutes.traverses("/api/v1/active-list/listings/0a1b"));
    assertFalse(ProxyRoutes.traverses("/api/v1/guide/versions/2025.1/steps/2"));
    assertFalse(ProxyRoutes.traverses("/api/v1/guide/a..b"));
  }
}
