package jp.riss.guide.closers;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import jp.riss.guide.diagnosis.Answers;
import jp.riss.guide.organisation.Orgs;
import jp.riss.guide.specialists.ListingEvents;
import jp.riss.guide.specialists.ListingEvents.Listing;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A gap of a self-diagnosis and who can close it, specialists from the read model included. */
@QuarkusTest
class ClosersTest {

  // Ehime: no other test publishes listings there.
  static final String EHIME = "38";
  static final String KANAGAWA = "14";

  @Inject AgroalDataSource dataSource;
  private ListingEvents listings;

  @BeforeEach
  void open() {
    listings = new ListingEvents();
  }

  @AfterEach
  void close() {
    listings.close();
  }

  private static ValidatableResponse closers(String gap, String step, String prefecture) {
    return given()
        .filter(Contracts.validator())
        .queryParam("gap", gap)
        .queryParam("step", step)
        .queryParam("prefecture", prefecture)
        .queryParam("seed", "4711")
        .get("/api/v1/guide/closers")
        .then();
  }

  /** Without the contract check of the request: for requests the contract itself refuses. */
  private static ValidatableResponse refused(String gap, String step, String prefecture) {
    return given()
        .queryParam("gap", gap)
        .queryParam("step", step)
        .queryParam("prefecture", prefecture)
        .queryParam("seed", "4711")
        .get("/api/v1/guide/closers")
        .then();
  }

  @Test
  void aStepOneGapHasItsTaskLearningExamOtasuketaiDesksAndCommunities() {
    closers("os-updates", "1", "13")
        .statusCode(200)
        // The body is written once for its ETag and sent as written: labelled as before.
        .header("Content-Type", "application/json;charset=UTF-8")
        .header("Cache-Control", "private, no-cache")
        .body("gap.code", equalTo("os-updates"))
        .body("gap.step", equalTo(1))
        .body("gap.inHouseOnly", equalTo(false))
        .body("gap.measures.key", contains("step1.measure.devices.updates"))
        .body("outsiders", equalTo("may-help"))
        .body(
            "closers.kind",
            contains(
                "internal-task",
                "learning-content",
                "exam",
                "otasuketai",
                "consultation-desk",
                "community",
                "specialist"))
        .body("closers[0].role", equalTo("organisation"))
        .body("closers[0].items.key", contains("step1.task.internal.updates"))
        .body("closers[1].items.key", hasItem("step1.people.learning.ipa-videos"))
        .body(
            "closers[1].items.find { it.key == 'step1.people.learning.ipa-videos' }.resources",
            contains(6, 7, 8, 9, 10))
        .body("closers[2].items.key", contains("step1.people.exam.ip"))
        .body("closers[3].needs", contains("monitoring"))
        .body("closers[3].items.key", contains("offer.otasuketai"))
        .body("closers[3].role", equalTo("adviser-or-provider"))
        .body(
            "closers[4].items.key",
            containsInAnyOrder("offer.consultation-desk", "offer.support-bodies"))
        .body("closers[5].items.key", contains("offer.regional-community"));
  }

  @Test
  void otasuketaiIsOfferedOnlyForMonitoringOnSiteResponseOrInsuranceNeeds() {
    closers("passwords", "1", "13")
        .statusCode(200)
        .body("closers.kind", not(hasItem("otasuketai")));
    closers("incident-reporting", "2", "13")
        .statusCode(200)
        .body(
            "closers.find { it.kind == 'otasuketai' }.needs",
            contains("on-site-response", "insurance"));
  }

  @Test
  void anInHouseOnlyGapOffersOutsidersOnlyAsAdvisersAndSaysSo() {
    closers("basic-policy", "2", "13")
        .statusCode(200)
        .body("gap.inHouseOnly", equalTo(true))
        .body("outsiders", equalTo("advisers-only"))
        .body("outsidersNote", startsWith("この課題は自社で決めて実行するもの"))
        .body("closers.find { it.kind == 'internal-task' }.role", equalTo("organisation"))
        .body(
            "closers.find { it.kind == 'internal-task' }.items.key",
            contains("step2.task.internal.draft-policy"))
        .body(
            "closers.findAll { it.kind in ['consultation-desk', 'community', 'specialist'] }.role",
            everyItem(equalTo("adviser")));
    // The flag can come from another element of the guide than the gap's own measure.
    closers("contractor-security", "3", "13")
        .statusCode(200)
        .body("outsiders", equalTo("advisers-only"));
    given()
        .queryParam("gap", "basic-policy")
        .queryParam("step", "2")
        .queryParam("prefecture", "13")
        .queryParam("seed", "1")
        .queryParam("lang", "en")
        .get("/api/v1/guide/closers")
        .then()
        .statusCode(200)
        .body("outsidersNote", startsWith("Your organisation decides"));
  }

  @Test
  void specialistsNearTheOrganisationComeFirstThenOnlineOnesAndNoneThatTakeNoInquiries() {
    UUID accepting = UUID.randomUUID();
    UUID limited = UUID.randomUUID();
    UUID notAccepting = UUID.randomUUID();
    UUID atCapacity = UUID.randomUUID();
    UUID online = UUID.randomUUID();
    UUID elsewhere = UUID.randomUUID();
    UUID otherTheme = UUID.randomUUID();
    List<Integer> rules = List.of(1);
    listings.send(Listing.published(accepting, "愛媛 一", List.of(EHIME), rules).firstFree(true));
    listings.send(
        Listing.published(limited, "愛媛 二", List.of(EHIME), rules).availability("LIMITED", 1));
    listings.send(
        Listing.published(notAccepting, "愛媛 三", List.of(EHIME), rules)
            .availability("NOT_ACCEPTING", 1));
    // Full: the Active List sends the same listing again with a later revision when it fills up.
    listings.send(Listing.published(atCapacity, "愛媛 四", List.of(EHIME), rules));
    listings.send(
        Listing.published(atCapacity, "愛媛 四", List.of(EHIME), rules)
            .availability("AT_CAPACITY", 2));
    listings.send(Listing.published(online, "神奈川 オンライン", List.of(KANAGAWA), rules).online(true));
    listings.send(Listing.published(elsewhere, "神奈川 対面", List.of(KANAGAWA), rules));
    listings.send(Listing.published(otherTheme, "愛媛 教育", List.of(EHIME), List.of(5)));
    listings.awaitApplied(dataSource);

    closers("basic-policy", "2", EHIME)
        .statusCode(200)
        .body("gap.themes", contains(1))
        .body(
            "closers.find { it.kind == 'specialist' }.specialists.listingId",
            contains(accepting.toString(), limited.toString(), online.toString()))
        .body(
            "closers.find { it.kind == 'specialist' }.specialists.match",
            contains("prefecture", "prefecture", "online"))
        .body(
            "closers.find { it.kind == 'specialist' }.specialists.firstConsultationFree",
            contains(true, false, false))
        .body(
            "closers.find { it.kind == 'specialist' }.specialists[0].availability",
            equalTo("ACCEPTING"))
        .body(
            "closers.find { it.kind == 'specialist' }.specialists[0].verified",
            contains("registration", "mandatoryCourses", "platformEngagements"))
        .body(
            "closers.find { it.kind == 'specialist' }.specialists[0].links.listing",
            equalTo("/api/v1/active-list/listings/" + accepting))
        .body(
            "closers.find { it.kind == 'specialist' }.specialists[0].links.inquiry",
            equalTo("/api/v1/active-list/inquiries"));

    // When the full one has room again it is recommended again.
    listings.send(
        Listing.published(atCapacity, "愛媛 四", List.of(EHIME), rules).availability("ACCEPTING", 3));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                closers("basic-policy", "2", EHIME)
                    .statusCode(200)
                    .body(
                        "closers.find { it.kind == 'specialist' }.specialists.listingId",
                        hasItem(atCapacity.toString())));
  }

  @Inject GapCloserMap map;

  @Test
  void everyGapOfTheInstrumentHasClosersAndItsTasksAreInternalTasksOfItsStep() throws Exception {
    com.fasterxml.jackson.databind.JsonNode instrument;
    try (java.io.InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("guide/instruments/sme-self-check-2025-1.json")) {
      instrument = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    }
    for (com.fasterxml.jackson.databind.JsonNode item : instrument.get("items")) {
      String gap = item.get("gapCode").asText();
      int step = item.get("step").asInt();
      org.junit.jupiter.api.Assertions.assertTrue(map.gapCodes().contains(gap), gap);
      org.junit.jupiter.api.Assertions.assertFalse(map.entry(gap).themes().isEmpty(), gap);
      for (String task : map.entry(gap).tasksOrNone()) {
        given()
            .get("/api/v1/guide/versions/current/elements/" + task)
            .then()
            .statusCode(200)
            .body("kind", equalTo("task"))
            .body("step", equalTo(step))
            .body("attrs.side", equalTo("internal"));
      }
    }
  }

  @Test
  void badParametersAreOneProblemNamingEachOfThem() {
    given()
        .queryParam("gap", "No Such Gap")
        .queryParam("step", "5")
        .queryParam("prefecture", "48")
        .queryParam("seed", "-1")
        .queryParam("lang", "fr")
        .get("/api/v1/guide/closers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", containsInAnyOrder("gap", "step", "prefecture", "seed", "lang"));
    given()
        .get("/api/v1/guide/closers")
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("gap", "step", "prefecture", "seed"));
    refused("no-such-gap", "1", "13").statusCode(400).body("violations.field", contains("gap"));
    refused("basic-policy", "1", "13")
        .statusCode(400)
        .body("violations.field", contains("step"))
        .body("violations[0].message", equalTo("gap basic-policy belongs to Step 2"));
    for (String prefecture : List.of("00", "1", "013", "47a")) {
      refused("os-updates", "1", prefecture)
          .statusCode(400)
          .body("violations.field", contains("prefecture"));
    }
    closers("os-updates", "1", "47").statusCode(200);
    for (String seed : List.of("2147483648", "01", "1e3", "99999999999")) {
      given()
          .queryParam("gap", "os-updates")
          .queryParam("step", "1")
          .queryParam("prefecture", "13")
          .queryParam("seed", seed)
          .get("/api/v1/guide/closers")
          .then()
          .statusCode(400)
          .body("violations.field", contains("seed"));
    }
    given()
        .queryParam("gap", "os-updates")
        .queryParam("step", "1")
        .queryParam("prefecture", "13")
        .queryParam("seed", "2147483647")
        .queryParam("limit", "3")
        .get("/api/v1/guide/closers")
        .then()
        .statusCode(400)
        .body("violations.field", contains("limit"));
    given()
        .queryParam("gap", "a".repeat(65))
        .queryParam("step", "1")
        .queryParam("prefecture", "13")
        .queryParam("seed", "0")
        .get("/api/v1/guide/closers")
        .then()
        .statusCode(400)
        .body("violations.field", contains("gap"));
  }

  @Test
  void aDiagnosisGapCarriesTheClosersOfItsLinkWithSpecialistsInTheOrganisationsPrefecture() {
    // Kochi: no other test publishes listings or places organisations there.
    String kochi = "39";
    UUID near = UUID.randomUUID();
    UUID alsoNear = UUID.randomUUID();
    UUID full = UUID.randomUUID();
    // os-updates asks for guidance theme 2.
    listings.send(Listing.published(near, "高知 一", List.of(kochi), List.of(2)));
    listings.send(Listing.published(alsoNear, "高知 二", List.of(kochi, KANAGAWA), List.of(2, 5)));
    listings.send(
        Listing.published(full, "高知 三", List.of(kochi), List.of(2)).availability("AT_CAPACITY", 1));
    listings.awaitApplied(dataSource);
    String company = "company-" + UUID.randomUUID();
    java.util.Map<String, Object> data = Orgs.data(1, 0, false);
    data.put("prefecture", kochi);
    String org = Orgs.create(company, data);
    String diagnosis = Answers.all("yes").with("no", "b01").submit(company, org).getString("id");

    io.restassured.path.json.JsonPath gaps =
        Orgs.as("company", company)
            .filter(Contracts.validator())
            .get("/api/v1/guide/diagnoses/" + diagnosis + "/gaps")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of("os-updates"), gaps.getList("items.gapCode"));
    String specialists = "items[0].closers.kinds.find { it.kind == 'specialist' }.specialists";
    assertEquals(
        java.util.Set.of(near.toString(), alsoNear.toString()),
        java.util.Set.copyOf(gaps.getList(specialists + ".listingId")));
    assertEquals(List.of("prefecture", "prefecture"), gaps.getList(specialists + ".match"));
    // The gap's closers are exactly what its link answers, specialists in the same order.
    io.restassured.path.json.JsonPath linked =
        given()
            .filter(Contracts.validator())
            .get(gaps.getString("items[0].closers.more"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(linked.getList("closers"), gaps.getList("items[0].closers.kinds"));
    assertEquals(linked.getList("gap.measures"), gaps.getList("items[0].closers.measures"));
    assertEquals(linked.getString("outsiders"), gaps.getString("items[0].closers.outsiders"));
    assertEquals(linked.getList("gap.themes"), gaps.getList("items[0].themeCodes"));
  }
}
