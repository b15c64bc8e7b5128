package jp.riss.activelist.listing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.riss.activelist.registry.RegistrationFacts;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * What a specialist declares and what is verified stand side by side; each declared field says when
 * it was last set; verified facts cannot be declared; the history tells who changed what.
 */
@QuarkusTest
class ProvenanceTest {

  @Inject AgroalDataSource dataSource;

  private static JsonPath read(String role, String subject, String id) {
    var request = given().filter(Contracts.validator());
    if (role != null) {
      request.header("Authorization", "Bearer " + Tokens.of(role, subject));
    }
    return request.get(Listings.PATH + "/" + id).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void verifiedFactsFromTheRegistryStandBesideTheDeclaredOnes() throws Exception {
    String number = Listings.uniqueRegistrationNumber();
    String id = Listings.createDraft("prov-a", number);
    JsonPath before = read("specialist", "prov-a", id);
    assertEquals(0, before.getInt("verified.platformEngagements.completed"));

    // The registry's owner publishes a new state: first registered over 4 years ago, the
    // practical course not done yet.
    RegistrationFacts.publish(
        RegistrationFacts.with(
            RegistrationFacts.practical(
                RegistrationFacts.valid(number, "prov-a"),
                LocalDate.now().plusYears(1),
                false,
                null,
                null),
            "registeredOn",
            LocalDate.now().minusYears(4).minusDays(1).toString()));

    JsonPath after = read("specialist", "prov-a", id);
    assertEquals("VALID", after.getString("verified.registration.status"));
    assertEquals(4, after.getInt("verified.registration.yearsRegistered"));
    assertEquals("ipa-registry", after.getString("verified.registration.source"));
    assertEquals("DUE", after.getString("verified.mandatoryCourses.onlineCourse.status"));
    assertEquals("DUE", after.getString("verified.mandatoryCourses.practicalCourse.status"));
    assertNull(after.get("verified.mandatoryCourses.practicalCourse.fulfilledBy"));
    assertEquals("情報 太郎", after.getString("selfDeclared.displayName"));

    // An approved deemed-attendance application fulfils the practical course, and says so.
    RegistrationFacts.publish(
        RegistrationFacts.practical(
            RegistrationFacts.valid(number, "prov-a"),
            LocalDate.now().plusYears(1),
            true,
            "DEEMED_ATTENDANCE",
            java.util.UUID.randomUUID().toString()));
    JsonPath covered = read("specialist", "prov-a", id);
    assertEquals(
        "COMPLETED", covered.getString("verified.mandatoryCourses.practicalCourse.status"));
    assertEquals(
        "DEEMED_ATTENDANCE",
        covered.getString("verified.mandatoryCourses.practicalCourse.fulfilledBy"));
  }

  @Test
  void eachDeclaredFieldSaysWhenItWasLastSetAndOnlyChangedOnesMove() {
    String id = Listings.createDraft("prov-b", Listings.uniqueRegistrationNumber());
    JsonPath created = read("specialist", "prov-b", id);
    String nameAt = created.getString("declaredAt.displayName");
    String themesAt = created.getString("declaredAt.themes");

    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", "prov-b"))
        .header("If-Match", "\"" + created.getLong("version") + "\"")
        .contentType(ContentType.JSON)
        .body(Listings.selfDeclared("themes", List.of(2, 5)))
        .put(Listings.PATH + "/" + id)
        .then()
        .statusCode(200);

    JsonPath edited = read("specialist", "prov-b", id);
    assertEquals(nameAt, edited.getString("declaredAt.displayName"));
    assertNotEquals(themesAt, edited.getString("declaredAt.themes"));
  }

  @Test
  void anUpdateCarryingAVerifiedFactIsRefusedAndChangesNothing() {
    String id = Listings.createDraft("prov-c", Listings.uniqueRegistrationNumber());
    JsonPath before = read("specialist", "prov-c", id);
    Map<String, Object> body =
        Listings.selfDeclared("engagementsCompleted", 40, "yearsRegistered", 20);

    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", "prov-c"))
        .header("If-Match", "\"" + before.getLong("version") + "\"")
        .contentType(ContentType.JSON)
        .body(body)
        .put(Listings.PATH + "/" + id)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("engagementsCompleted"));

    JsonPath after = read("specialist", "prov-c", id);
    assertEquals(before.getLong("version"), after.getLong("version"));
    assertEquals(0, after.getInt("verified.platformEngagements.completed"));
  }

  @Test
  void contactDetailsAreForTheOwnerAndIpaUnlessTheSpecialistOptsIn() {
    String hidden = Listings.createDraft("prov-d", Listings.uniqueRegistrationNumber());
    Listings.publish(hidden);

    given()
        .get(Listings.PATH + "/" + hidden)
        .then()
        .statusCode(200)
        .body("selfDeclared.contact", nullValue());
    // A role alone is not a relationship (ContactDisclosureTest: who else may see it).
    for (String role : List.of("company", "support-body")) {
      assertNull(read(role, "member-1", hidden).get("selfDeclared.contact"));
    }
    for (String[] reader : new String[][] {{"specialist", "prov-d"}, {"ipa-admin", "a"}}) {
      assertEquals(
          "taro@example.jp",
          read(reader[0], reader[1], hidden).getString("selfDeclared.contact.email"));
    }
    assertNull(read("specialist", "another-specialist", hidden).get("selfDeclared.contact"));

    String open = Listings.createDraft("prov-e", Listings.uniqueRegistrationNumber());
    JsonPath draft = read("specialist", "prov-e", open);
    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", "prov-e"))
        .header("If-Match", "\"" + draft.getLong("version") + "\"")
        .contentType(ContentType.JSON)
        .body(
            Listings.selfDeclared(
                "contact", Map.of("email", "open@example.jp", "publiclyVisible", true)))
        .put(Listings.PATH + "/" + open)
        .then()
        .statusCode(200);
    Listings.publish(open);
    assertEquals("open@example.jp", read(null, null, open).getString("selfDeclared.contact.email"));
  }

  @Test
  void theHistoryTellsWhoChangedWhatAndWhenToTheOwnerAndIpaOnly() {
    String id = Listings.createDraft("prov-f", Listings.uniqueRegistrationNumber());
    JsonPath created = read("specialist", "prov-f", id);
    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", "prov-f"))
        .header("If-Match", "\"" + created.getLong("version") + "\"")
        .contentType(ContentType.JSON)
        .body(Listings.selfDeclared("displayName", "情報 花子"))
        .put(Listings.PATH + "/" + id)
        .then()
        .statusCode(200);

    for (String[] reader :
        new String[][] {{"specialist", "prov-f"}, {"ipa-reviewer", "r"}, {"ipa-admin", "a"}}) {
      given()
          .filter(Contracts.validator())
          .header("Authorization", "Bearer " + Tokens.of(reader[0], reader[1]))
          .get(Listings.PATH + "/" + id + "/history")
          .then()
          .statusCode(200)
          .body("items[0].action", equalTo("CREATED"))
          .body("items[0].actor", equalTo("prov-f"))
          .body("items[1].action", equalTo("UPDATED"))
          .body("items[1].actorRole", equalTo("specialist"))
          .body("items[1].changes.displayName.from", equalTo("情報 太郎"))
          .body("items[1].changes.displayName.to", equalTo("情報 花子"))
          .body("items[1].changes", not(hasKey("themes")))
          .body("items[1].at", notNullValue());
    }
    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", "someone-else"))
        .get(Listings.PATH + "/" + id + "/history")
        .then()
        .statusCode(404);
    for (String role : List.of("company", "support-body", "certifier", "alumni", "camp-office")) {
      given()
          .header("Authorization", "Bearer " + Tokens.of(role, "x"))
          .get(Listings.PATH + "/" + id + "/history")
          .then()
          .statusCode(403);
    }
    given().get(Listings.PATH + "/" + id + "/history").then().statusCode(401);
  }

  @Test
  void historyPagesWithACursor() {
    String id = Listings.createDraft("prov-g", Listings.uniqueRegistrationNumber());
    for (int i = 0; i < 3; i++) {
      long version = read("specialist", "prov-g", id).getLong("version");
      given()
          .header("Authorization", "Bearer " + Tokens.of("specialist", "prov-g"))
          .header("If-Match", "\"" + version + "\"")
          .contentType(ContentType.JSON)
          .body(Listings.selfDeclared("capacity", 4 + i))
          .put(Listings.PATH + "/" + id)
          .then()
          .statusCode(200);
    }
    String token = Tokens.of("specialist", "prov-g");
    JsonPath first =
        given()
            .header("Authorization", "Bearer " + token)
            .get(Listings.PATH + "/" + id + "/history?limit=3")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(3, first.getList("items").size());
    JsonPath second =
        given()
            .header("Authorization", "Bearer " + token)
            .get(first.getString("next"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(1, second.getList("items").size());
    assertNull(second.get("next"));
    given()
        .header("Authorization", "Bearer " + token)
        .get(Listings.PATH + "/" + id + "/history?cursor=garbage")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("cursor"));
  }
}
