package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.DevJwtResource;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * One public place lists the contracts (the four services' and the gateway's own) and the services'
 * AsyncAPI documents, and each link serves what its service serves.
 */
@QuarkusTest
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class OpenApiIndexTest {

  @Test
  void theIndexListsTheFourContractsWithLinks() {
    given()
        .filter(Contracts.validator())
        .get("/openapi")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("contracts", hasSize(5))
        .body(
            "contracts.service",
            contains(
                "active-list-service",
                "camp-community-service",
                "deemed-attendance-service",
                "practical-guide-service",
                "gateway"))
        .body(
            "contracts.context",
            containsInAnyOrder("active-list", "deemed-attendance", "community", "guide", "gateway"))
        .body("contracts.find { it.context == 'gateway' }.href", equalTo("/openapi/gateway"))
        .body(
            "asyncapi.context", contains("active-list", "community", "deemed-attendance", "guide"))
        .body("asyncapi.find { it.context == 'guide' }.href", equalTo("/asyncapi/guide"))
        .body(
            "contracts.find { it.context == 'active-list' }.href", equalTo("/openapi/active-list"))
        .body(
            "contracts.find { it.context == 'deemed-attendance' }.href",
            equalTo("/openapi/deemed-attendance"))
        .body("contracts.find { it.context == 'community' }.href", equalTo("/openapi/community"))
        .body("contracts.find { it.context == 'guide' }.href", equalTo("/openapi/guide"));
  }

  @Test
  void aContractLinkServesTheServicesOwnDocumentWithTheQuery() {
    given()
        .filter(Contracts.validator())
        .get("/openapi/active-list?format=json")
        .then()
        .statusCode(200)
        .body("openapi", equalTo("3.1.0"))
        .body("info.title", equalTo("active-list-service"))
        .body("query", equalTo("format=json"));
  }

  @Test
  void everyLinkInTheIndexResolves() {
    List<String> hrefs = given().get("/openapi").jsonPath().getList("contracts.href", String.class);
    for (String href : hrefs) {
      if (href.equals(GatewayContract.PATH)) {
        given().get(href).then().statusCode(200).body(startsWith("openapi: 3.1.0"));
      } else {
        given().get(href).then().statusCode(200).body("openapi", equalTo("3.1.0"));
      }
    }
    List<String> asyncapi =
        given().get("/openapi").jsonPath().getList("asyncapi.href", String.class);
    for (String href : asyncapi) {
      given().get(href).then().statusCode(200).body("path", equalTo("/asyncapi"));
    }
  }

  @Test
  void anAsyncApiLinkServesTheServicesOwnDocumentWithoutTheToken() {
    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.expired("specialist", "spec-1"))
        .get("/asyncapi/community")
        .then()
        .statusCode(200)
        .header("RateLimit-Limit", notNullValue())
        .body("service", equalTo("camp-community-service"))
        .body("method", equalTo("GET"))
        .body("path", equalTo("/asyncapi"))
        .body("headers.authorization", nullValue());
    given()
        .get("/asyncapi/billing")
        .then()
        .statusCode(404)
        .contentType(GatewayProblems.MEDIA_TYPE)
        .body("type", equalTo("https://riss.example/problems/not-found"));
  }

  @Test
  void theIndexTakesNoQueryParameters() {
    given()
        .filter(Contracts.responseValidator())
        .get("/openapi?format=json&x=1")
        .then()
        .statusCode(400)
        .contentType(GatewayProblems.MEDIA_TYPE)
        .body("type", equalTo("https://riss.example/problems/validation"))
        .body("violations.field", contains("format", "x"));
  }

  @Test
  void contractsNeedNoTokenAndForwardNone() {
    given()
        .header("Authorization", "Bearer " + Tokens.expired("specialist", "spec-1"))
        .get("/openapi/guide")
        .then()
        .statusCode(200)
        .body("info.title", equalTo("practical-guide-service"))
        .body("authorization", nullValue());
  }

  @Test
  void anUnknownContractIsNotFound() {
    given()
        .get("/openapi/billing")
        .then()
        .statusCode(404)
        .contentType(GatewayProblems.MEDIA_TYPE)
        .body("type", equalTo("https://riss.example/problems/not-found"));
  }
}
