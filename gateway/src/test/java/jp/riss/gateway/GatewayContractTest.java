package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.DevJwtResource;
import org.junit.jupiter.api.Test;

/** The gateway's own contract is served exactly as checked in, and tells the truth about it. */
@QuarkusTest
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class GatewayContractTest {

  @Test
  void theServedContractIsTheCheckedInFile() throws IOException {
    String checkedIn = Files.readString(Contracts.moduleContract());
    String served =
        given()
            .filter(Contracts.validator())
            .get(GatewayContract.PATH)
            .then()
            .statusCode(200)
            .contentType("application/yaml")
            .extract()
            .asString();
    assertEquals(checkedIn, served, "the served gateway contract drifted from the checked-in one");
  }

  @Test
  void itTakesNoQueryParameters() {
    given()
        .filter(Contracts.responseValidator())
        .get(GatewayContract.PATH + "?format=json")
        .then()
        .statusCode(400)
        .contentType(GatewayProblems.MEDIA_TYPE)
        .body("type", equalTo("https://riss.example/problems/validation"))
        .body("violations.field", contains("format"));
  }

  @Test
  void anUnknownPathIsTheContractsNotFoundProblem() {
    given()
        .filter(Contracts.responseValidator())
        .get("/openapi/billing")
        .then()
        .statusCode(404)
        .body("type", equalTo("https://riss.example/problems/not-found"));
  }
}
