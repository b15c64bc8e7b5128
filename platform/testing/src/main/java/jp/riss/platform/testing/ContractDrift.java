package jp.riss.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;

/** Fails when what /q/openapi serves is not the checked-in contract. */
public final class ContractDrift {

  private ContractDrift() {}

  public static void assertServedContractIsCheckedIn() throws IOException {
    JsonNode checkedIn =
        new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Contracts.moduleContract()));
    String served =
        RestAssured.given()
            .accept("application/json")
            .get("/q/openapi?format=json")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonNode servedJson = new ObjectMapper().readTree(served);
    assertEquals(checkedIn.get("paths"), servedJson.get("paths"), "paths drifted");
    assertEquals(checkedIn.get("components"), servedJson.get("components"), "components drifted");
    assertEquals(
        checkedIn.get("info").get("version"),
        servedJson.get("info").get("version"),
        "version drifted");
  }
}
