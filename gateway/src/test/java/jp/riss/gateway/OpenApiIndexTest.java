package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import jp.riss.platform.testing.DevJwtResource;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** One public place lists the four contracts, and each link serves what its service serves. */
@QuarkusTest
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class OpenApiIndexTest {

  @Test
  void theIndexListsTheFourContractsWithLinks() {
    given()
        .get("/openapi")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("contracts", hasSize(4))
        .body(
            "contracts.service",
            contains(
                "active-list-service",
                "camp-community-service",
                "deemed-attendance-service",
                "practical-guide-service"))
        .body(
            "contracts.context",
            containsInAnyOrder("active-list", "deemed-attendance", "community", "guide"))
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
      given().get(href).then().statusCode(200).body("openapi", equalTo("3.1.0"));
    }
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
