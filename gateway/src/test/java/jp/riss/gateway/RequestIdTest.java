package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.riss.platform.testing.DevJwtResource;
import jp.riss.platform.web.RequestIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One request id per exchange, the same upstream and back, and never one that is unsafe. */
@QuarkusTest
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class RequestIdTest {

  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Test
  void aMissingIdIsGeneratedAndSentBothWays() {
    Response response = given().get("/api/v1/active-list/listings");

    String returned = response.header(RequestIds.HEADER);
    assertThat(returned, matchesPattern(UUID));
    assertThat(response.path("headers.x-request-id"), equalTo(returned));
  }

  @Test
  void aSaneIdIsKeptUpstreamAndBack() {
    String id = "portal-1.trace:42-x";

    given()
        .header(RequestIds.HEADER, id)
        .get("/api/v1/guide/steps")
        .then()
        .statusCode(200)
        .header(RequestIds.HEADER, id)
        .body("headers.x-request-id", equalTo(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"has spaces", "semi;colon", "<script>", "é", ""})
  void anInsaneIdIsReplaced(String insane) {
    Response response = given().header(RequestIds.HEADER, insane).get("/api/v1/community/groups");

    String returned = response.header(RequestIds.HEADER);
    assertThat(returned, matchesPattern(UUID));
    assertThat(response.path("headers.x-request-id"), equalTo(returned));
  }

  @Test
  void anOverlongIdIsReplaced() {
    given()
        .header(RequestIds.HEADER, "a".repeat(129))
        .get("/api/v1/community/groups")
        .then()
        .header(RequestIds.HEADER, matchesPattern(UUID));
  }

  @Test
  void gatewayErrorsCarryTheIdInHeaderAndBody() {
    given()
        .header(RequestIds.HEADER, "trace-404")
        .get("/nowhere")
        .then()
        .statusCode(404)
        .header(RequestIds.HEADER, "trace-404")
        .body("requestId", equalTo("trace-404"));

    given()
        .header(RequestIds.HEADER, "trace-504")
        .get("/api/v1/guide/slow")
        .then()
        .statusCode(504)
        .header(RequestIds.HEADER, "trace-504")
        .body("requestId", equalTo("trace-504"));
  }
}
