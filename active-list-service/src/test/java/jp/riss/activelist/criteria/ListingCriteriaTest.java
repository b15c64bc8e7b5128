package jp.riss.activelist.criteria;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import jp.riss.activelist.listing.Listings;
import jp.riss.activelist.registry.RegistrationFacts;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Each listing criterion fails with its own reason, and criteria follow their table rows. */
@QuarkusTest
class ListingCriteriaTest {

  @Inject AgroalDataSource dataSource;

  @Test
  void theCriteriaArePublicWithTheirParameters() {
    given()
        .filter(Contracts.validator())
        .get("/api/v1/active-list/listing-criteria")
        .then()
        .statusCode(200)
        .body(
            "items.code",
            contains(
                "registration-held-by-owner",
                "registration-valid",
                "courses-not-overdue",
                "theme",
                "region",
                "fee-per-format",
                "ethics-pledge",
                "side-work"))
        .body("items[1].parameters.days", equalTo(60))
        .body(
            "items[1].descriptionEn",
            equalTo("The registration is valid and does not expire within 60 days"));
  }

  @Test
  void aDraftMeetingEveryCriterionPasses() {
    String id = ready(Listings.selfDeclared());
    evaluation(id).statusCode(200).body("passed", equalTo(true));
  }

  @Test
  void eachDeclaredCriterionFailsWithItsReason() {
    failsOnly(Listings.selfDeclared("themes", List.of()), "theme", "No guidance theme is declared");
    failsOnly(
        Listings.selfDeclared("prefectures", List.of(), "onlineNationwide", false),
        "region",
        "Neither a region nor online nationwide service is declared");
    failsOnly(
        Listings.selfDeclared("formats", List.of()),
        "fee-per-format",
        "No consultation format is offered, or a format has no fee");
    failsOnly(
        Listings.selfDeclared("formats", List.of(Map.of("format", "online"))),
        "fee-per-format",
        "No consultation format is offered, or a format has no fee");
    failsOnly(
        Listings.selfDeclared("affiliation", Map.of("kind", "COMPANY", "companyName", "情報処理株式会社")),
        "side-work",
        "Company-affiliated, but neither permitted side work nor company SME consulting is declared");
  }

  @Test
  void onlineNationwideServiceCountsAsARegion() {
    String id = ready(Listings.selfDeclared("prefectures", List.of(), "onlineNationwide", true));
    evaluation(id).body("passed", equalTo(true));
  }

  @Test
  void registryCriteriaFailWithTheirReasons() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    String number = Listings.uniqueRegistrationNumber();
    String owner = "criteria-registry-" + number;
    String id = Listings.createDraft(owner, number);
    Listings.acceptEthicsPledge(id);
    Map<String, Object> valid = RegistrationFacts.valid(number, owner);

    // The current cycle expires in 30 days.
    LocalDate start = today.plusDays(30).minusYears(3).plusDays(1);
    Map<String, Object> expiring = RegistrationFacts.valid(number, owner);
    @SuppressWarnings("unchecked")
    Map<String, Object> cycle =
        new java.util.LinkedHashMap<>(((List<Map<String, Object>>) expiring.get("cycles")).get(0));
    cycle.put("startsOn", start.toString());
    cycle.put("expiresOn", today.plusDays(30).toString());
    RegistrationFacts.publish(RegistrationFacts.with(expiring, "cycles", List.of(cycle)));
    submit(id)
        .statusCode(422)
        .body("failedCriteria.code", contains("registration-valid"))
        .body(
            "failedCriteria[0].reason",
            equalTo("The registration is not valid or expires within 60 days"))
        .body("failedCriteria[0].reasonJa", equalTo("登録が有効でないか、60日以内に有効期限を迎えます"));

    // The practical course was due yesterday and is not done.
    RegistrationFacts.publish(
        RegistrationFacts.practical(valid, today.minusDays(1), false, null, null));
    submit(id).statusCode(422).body("failedCriteria.code", contains("courses-not-overdue"));

    // An approved deemed-attendance application fulfils it: the criterion passes.
    RegistrationFacts.publish(
        RegistrationFacts.practical(
            valid,
            today.minusDays(1),
            true,
            "DEEMED_ATTENDANCE",
            java.util.UUID.randomUUID().toString()));
    evaluation(id).statusCode(200).body("passed", equalTo(true));

    RegistrationFacts.publish(RegistrationFacts.with(valid, "status", "REVOKED"));
    submit(id).statusCode(422).body("failedCriteria.code", contains("registration-valid"));

    // The registry now binds the number to another account: the owner no longer holds it.
    RegistrationFacts.publish(RegistrationFacts.with(valid, "specialistSubject", "someone-else"));
    submit(id).statusCode(422).body("failedCriteria.code", contains("registration-held-by-owner"));
  }

  @Test
  void theEthicsPledgeMustBeAccepted() {
    String number = Listings.uniqueRegistrationNumber();
    String id = Listings.createDraft("criteria-pledge", number);
    submit(id)
        .statusCode(422)
        .body("failedCriteria.code", contains("ethics-pledge"))
        .body("failedCriteria[0].reason", equalTo("The current ethics pledge is not accepted"));
  }

  @Test
  void aFailedSubmissionStoresNothing() {
    String id = ready(Listings.selfDeclared("themes", List.of()));
    long version = read(id).extract().<Integer>path("version");
    submit(id).statusCode(422);
    read(id).body("status", equalTo("DRAFT")).body("version", equalTo((int) version));
    given()
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "a"))
        .get(Listings.PATH + "/" + id + "/history")
        .then()
        .body("items.action", contains("CREATED", "ETHICS_PLEDGE_ACCEPTED"));
  }

  @Test
  void changingACriterionsRowChangesTheOutcomeWithoutCode() throws Exception {
    String id = ready(Listings.selfDeclared());
    evaluation(id).body("passed", equalTo(true));
    try {
      // The registry record expires in two years: 60 → 1000 days makes it fail.
      sql(
          "UPDATE listing_criterion SET params = '{\"days\": 1000}' WHERE code = 'registration-valid'");
      evaluation(id)
          .body("passed", equalTo(false))
          .body(
              "results.find { it.code == 'registration-valid' }.reason",
              equalTo("The registration is not valid or expires within 1000 days"));
      submit(id).statusCode(422).body("failedCriteria.code", contains("registration-valid"));
    } finally {
      sql(
          "UPDATE listing_criterion SET params = '{\"days\": 60}' WHERE code = 'registration-valid'");
    }

    String themeless = ready(Listings.selfDeclared("themes", List.of()));
    try {
      sql("UPDATE listing_criterion SET enabled = FALSE WHERE code = 'theme'");
      evaluation(themeless).body("passed", equalTo(true)).body("results.code", hasItem("region"));
      submit(themeless).statusCode(200).body("status", equalTo("PENDING_REVIEW"));
    } finally {
      sql("UPDATE listing_criterion SET enabled = TRUE WHERE code = 'theme'");
    }
  }

  @Test
  void ownerAndIpaSeeTheEvaluationOthersDoNot() {
    String id = ready(Listings.selfDeclared("themes", List.of()));
    evaluation(id)
        .statusCode(200)
        .body("listingId", equalTo(id))
        .body("results.find { it.code == 'theme' }.passed", equalTo(false))
        .body("results.find { it.code == 'theme' }.reasonJa", notNullValue());
    for (String role : List.of("ipa-reviewer", "ipa-admin")) {
      given()
          .filter(Contracts.validator())
          .header("Authorization", "Bearer " + Tokens.of(role, "ipa"))
          .get(Listings.PATH + "/" + id + "/criteria")
          .then()
          .statusCode(200);
    }
    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", "not-the-owner"))
        .get(Listings.PATH + "/" + id + "/criteria")
        .then()
        .statusCode(404);
  }

  /** A draft with this declaration, a valid registry record and the pledge accepted. */
  private static String ready(Map<String, Object> declared) {
    String number = Listings.uniqueRegistrationNumber();
    String owner = "criteria-" + number;
    RegistrationFacts.bind(number, owner);
    String id =
        given()
            .header("Authorization", "Bearer " + Tokens.of("specialist", owner))
            .contentType(ContentType.JSON)
            .body(Map.of("registrationNumber", number, "selfDeclared", declared))
            .post(Listings.PATH)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    OWNERS.put(id, owner);
    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", owner))
        .contentType(ContentType.JSON)
        .body(Map.of("version", "2025.1"))
        .post(Listings.PATH + "/" + id + "/ethics-pledge")
        .then()
        .statusCode(200);
    return id;
  }

  private static final Map<String, String> OWNERS = new java.util.concurrent.ConcurrentHashMap<>();

  private static String owner(String id) {
    return OWNERS.containsKey(id) ? OWNERS.get(id) : Listings.owner(id);
  }

  private static void failsOnly(Map<String, Object> declared, String code, String reason) {
    String id = ready(declared);
    submit(id)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/criteria-not-met"))
        .body("failedCriteria.code", contains(code))
        .body("failedCriteria[0].reason", equalTo(reason));
  }

  private static ValidatableResponse submit(String id) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", owner(id)))
        .post(Listings.PATH + "/" + id + "/submit")
        .then();
  }

  private static ValidatableResponse evaluation(String id) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", owner(id)))
        .get(Listings.PATH + "/" + id + "/criteria")
        .then();
  }

  private static ValidatableResponse read(String id) {
    return given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", owner(id)))
        .get(Listings.PATH + "/" + id)
        .then()
        .statusCode(200);
  }

  private void sql(String statement) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(statement)) {
      ps.executeUpdate();
    }
  }
}
