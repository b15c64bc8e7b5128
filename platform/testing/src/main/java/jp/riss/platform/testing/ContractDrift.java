package jp.riss.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Fails when what /q/openapi serves is not the checked-in contract: YAML as checked in by default
 * (and for /q/openapi.yaml), the same document as JSON whichever way a client asks for JSON
 * (?format=json, which the gateway's contract index passes on; an Accept naming application/json;
 * /q/openapi.json).
 */
public final class ContractDrift {

  private ContractDrift() {}

  public static void assertServedContractIsCheckedIn() throws IOException {
    String checkedInText = Files.readString(Contracts.moduleContract());
    JsonNode checkedIn = new ObjectMapper(new YAMLFactory()).readTree(checkedInText);
    for (String path : new String[] {"/q/openapi", "/q/openapi.yaml"}) {
      String served =
          RestAssured.given()
              .get(path)
              .then()
              .statusCode(200)
              .contentType("application/yaml")
              .extract()
              .asString();
      assertEquals(checkedInText, served, path + " is not the checked-in contract");
    }
    assertJson(checkedIn, RestAssured.given().get("/q/openapi?format=json").then());
    assertJson(checkedIn, RestAssured.given().accept("application/json").get("/q/openapi").then());
    assertJson(checkedIn, RestAssured.given().get("/q/openapi.json").then());
  }

  private static void assertJson(JsonNode checkedIn, ValidatableResponse response)
      throws IOException {
    String served = response.statusCode(200).contentType("application/json").extract().asString();
    JsonNode servedJson = new ObjectMapper().readTree(served);
    assertEquals(checkedIn.get("paths"), servedJson.get("paths"), "paths drifted");
    assertEquals(checkedIn.get("components"), servedJson.get("components"), "components drifted");
    assertEquals(checkedIn, servedJson, "the JSON is not the checked-in contract");
  }
}
