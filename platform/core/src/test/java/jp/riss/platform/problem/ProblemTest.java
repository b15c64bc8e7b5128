package jp.riss.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import jp.riss.platform.events.EventJson;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void validationProblemsNameEachField() {
    JsonNode json =
        EventJson.mapper()
            .valueToTree(
                Problems.validation(
                    List.of(new Problem.Violation("prefectures[0]", "is not a JIS X 0401 code"))));
    assertEquals("https://riss.example/problems/validation", json.path("type").asText());
    assertEquals(400, json.path("status").asInt());
    assertEquals("prefectures[0]", json.path("violations").path(0).path("field").asText());
  }

  @Test
  void extensionMembersSitAtTheTopLevelAndEmptyListsAreLeftOut() {
    JsonNode json =
        EventJson.mapper()
            .valueToTree(
                Problem.of(409, "listing-exists", "Listing exists", "d")
                    .with("existingListingId", "x"));
    assertEquals("x", json.path("existingListingId").asText());
    assertFalse(json.has("violations"));
    assertFalse(json.has("extensions"));
  }

  @Test
  void aRowFoundByIdIsReturnedAndAMissingOneIsA404NamingIt() {
    assertEquals("row", ProblemException.requireFound("row", "group 7"));
    ProblemException missing =
        assertThrows(ProblemException.class, () -> ProblemException.requireFound(null, "group 7"));
    assertEquals(404, missing.problem().status());
    assertEquals("group 7 does not exist", missing.problem().detail());
  }

  @Test
  void unauthorizedAnswersCarryTheBearerChallenge() {
    var response = Problems.toResponse(Problems.unauthorized());
    assertEquals(401, response.getStatus());
    assertEquals("Bearer", response.getHeaderString("WWW-Authenticate"));
    assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
  }
}
