package jp.riss.community.opportunity;

import static jp.riss.community.CommunityApi.member;
import static jp.riss.community.CommunityApi.office;
import static jp.riss.community.opportunity.OpportunityApi.OPPORTUNITIES;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;
import jp.riss.community.MovableClock;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Kinds, interest, selection within slots (also at once), withdrawal, deadline and targeting. */
@QuarkusTest
class OpportunityTest {

  @Inject MovableClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void kindsAreReferenceDataIncludingTeachingYouthLecturesAndTheSeminar() {
    CommunityApi.checked()
        .get(CommunityApi.BASE + "/opportunity-kinds")
        .then()
        .statusCode(200)
        .body(
            "items.code",
            hasItems(
                "cyber-technology-lab",
                "vulnerability-reporting",
                "top10-threats-selection",
                "white-paper-column",
                "mini-camp-instructor",
                "mini-camp-tutor",
                "camp-forum",
                "camp-instructor",
                "youth-lecturer",
                "alumni-seminar"));
    String id = OpportunityApi.create(OpportunityApi.opportunity("alumni-seminar", 3, "online"));
    office()
        .get(OPPORTUNITIES + "/" + id)
        .then()
        .statusCode(200)
        .body("kind", equalTo("alumni-seminar"));
  }

  @Test
  void badInputNamesEveryFieldAtOnce() {
    Map<String, Object> body = new HashMap<>(OpportunityApi.opportunity("no-such-kind", 0, "x"));
    body.put("provider", "");
    body.put("title", "t".repeat(201));
    body.put("description", " ");
    body.put("deadline", "2020-01-01T00:00:00+09:00");
    body.put(
        "targeting",
        Map.of("programmes", List.of("nope"), "prefectures", List.of("48"), "minAgeBand", "adult"));
    body.put("minorSuitable", true);
    CommunityApi.lenient(Tokens.of("camp-office", CommunityApi.OFFICE_SUBJECT))
        .contentType(ContentType.JSON)
        .body(body)
        .post(OPPORTUNITIES)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "violations.field",
            containsInAnyOrder(
                "kind",
                "provider",
                "title",
                "description",
                "format",
                "slots",
                "deadline",
                "targeting.programmes[0]",
                "targeting.prefectures[0]",
                "minorSuitable"));
    Map<String, Object> nul = OpportunityApi.opportunity("camp-forum", 1, "online");
    nul.put("description", "a\u0000b");
    CommunityApi.lenient(Tokens.of("camp-office", CommunityApi.OFFICE_SUBJECT))
        .contentType(ContentType.JSON)
        .body(nul)
        .post(OPPORTUNITIES)
        .then()
        .statusCode(400)
        .body("violations.field", hasItems("description"));
    // Exactly the contract's bounds: 1000 slots and 5000 characters pass, one more does not.
    Map<String, Object> edge = OpportunityApi.opportunity("camp-instructor", 1000, "both");
    edge.put("description", "あ".repeat(5000));
    OpportunityApi.create(edge);
    edge.put("slots", 1001);
    edge.put("description", "あ".repeat(5001));
    CommunityApi.lenient(Tokens.of("camp-office", CommunityApi.OFFICE_SUBJECT))
        .contentType(ContentType.JSON)
        .body(edge)
        .post(OPPORTUNITIES)
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("slots", "description"));
    CommunityApi.lenient(Tokens.of("camp-office", CommunityApi.OFFICE_SUBJECT))
        .get(OPPORTUNITIES + "?limit=51&sort=x")
        .then()
        .statusCode(400)
        .body("violations.field", hasItems("sort"));
    CommunityApi.lenient(Tokens.of("camp-office", CommunityApi.OFFICE_SUBJECT))
        .get(OPPORTUNITIES + "?cursor=not-a-cursor")
        .then()
        .statusCode(400)
        .body("violations.field", hasItems("cursor"));
  }

  /**
   * Ten selections of ten interested members arrive at once for three slots: exactly three are
   * selected, the rest refused; every selection leaves as an event that carries no personal data.
   */
  @Test
  void selectedNeverExceedSlotsEvenAtOnceAndEachSelectionIsAnEvent() throws Exception {
    String opp =
        OpportunityApi.create(OpportunityApi.opportunity("camp-instructor", 3, "in-person"));
    List<Person> people = new ArrayList<>();
    List<String> interests = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Person p = CommunityApi.enrolled(25 + i);
      people.add(p);
      interests.add(OpportunityApi.interest(opp, p, 201));
    }
    OpportunityApi.interest(opp, people.get(0), 409);
    try (EventLog log =
        new EventLog(
            KafkaResource.broker().bootstrapServers(), OpportunitySelectionChanged.TOPIC)) {
      ExecutorService pool = Executors.newFixedThreadPool(10);
      List<Future<Integer>> answers = new ArrayList<>();
      String token = Tokens.of("camp-office", CommunityApi.OFFICE_SUBJECT);
      for (String interest : interests) {
        Callable<Integer> select =
            () ->
                CommunityApi.lenient(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("interestId", interest))
                    .post(OPPORTUNITIES + "/" + opp + "/selections")
                    .then()
                    .extract()
                    .statusCode();
        answers.add(pool.submit(select));
      }
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> a : answers) {
        codes.add(a.get());
      }
      pool.shutdown();
      assertEquals(3, codes.stream().filter(c -> c == 200).count(), codes.toString());
      assertEquals(7, codes.stream().filter(c -> c == 409).count(), codes.toString());
      office()
          .get(OPPORTUNITIES + "/" + opp)
          .then()
          .statusCode(200)
          .body("selected", equalTo(3))
          .body("interested", equalTo(10));
      List<String> selected =
          office()
              .get(OPPORTUNITIES + "/" + opp + "/interests?limit=100")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("items.findAll { it.state == 'selected' }.id", String.class);
      assertEquals(3, selected.size());
      JsonNode event =
          log.awaitEvent(
              e -> selected.get(0).equals(e.path("subject").asText()), Duration.ofSeconds(20));
      assertEquals(OpportunitySelectionChanged.SELECTED, event.path("type").asText());
      assertEquals(opp, event.path("data").path("opportunityId").asText());
      String raw =
          log.records().stream()
              .filter(r -> r.value().contains(selected.get(0)))
              .findFirst()
              .orElseThrow()
              .value();
      assertEquals(Set.of(), EventSchemas.violations(OpportunitySelectionChanged.SCHEMA, raw));
      for (Person p : people) {
        assertFalse(raw.contains(p.email()), "the event carries an e-mail address");
        assertFalse(raw.contains(p.personRef()), "the event carries the camp office's reference");
      }

      // A selected member withdraws: the slot is free again and the provider learns it.
      Person leaving = people.get(interests.indexOf(selected.get(0)));
      member(leaving).delete(OPPORTUNITIES + "/" + opp + "/interests/me").then().statusCode(204);
      JsonNode gone =
          log.awaitEvent(
              e ->
                  OpportunitySelectionChanged.WITHDRAWN.equals(e.path("type").asText())
                      && selected.get(0).equals(e.path("subject").asText()),
              Duration.ofSeconds(20));
      assertEquals(2, gone.path("data").path("selected").asInt());
      office().get(OPPORTUNITIES + "/" + opp).then().body("selected", equalTo(2));
      member(leaving)
          .get(OPPORTUNITIES + "/" + opp)
          .then()
          .statusCode(200)
          .body("myInterest", nullValue());
    }
    // The office's list names members by their shown name and age band, never a contact detail.
    String list =
        office()
            .get(OPPORTUNITIES + "/" + opp + "/interests")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    for (Person p : people) {
      assertFalse(list.contains(p.email()));
    }
  }

  @Test
  void theDeadlineClosesInterestButHoldersStillSeeTheirs() {
    String opp =
        OpportunityApi.create(OpportunityApi.opportunity("white-paper-column", 1, "online"));
    Person early = CommunityApi.enrolled(40);
    Person late = CommunityApi.enrolled(41);
    String interest = OpportunityApi.interest(opp, early, 201);
    clock.advance(Duration.ofDays(3));
    // Closed: gone for those who did not come in time, refused by name for those who did.
    OpportunityApi.interest(opp, late, 404);
    member(late).get(OPPORTUNITIES + "/" + opp).then().statusCode(404);
    member(early)
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post(OPPORTUNITIES + "/" + opp + "/interests")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/deadline-passed"));
    assertFalse(OpportunityApi.feedIds(late).contains(opp));
    member(early)
        .get(OPPORTUNITIES + "/" + opp)
        .then()
        .statusCode(200)
        .body("state", equalTo("closed"))
        .body("myInterest.id", equalTo(interest));
    // The office still selects among those who came in time.
    office()
        .contentType(ContentType.JSON)
        .body(Map.of("interestId", interest))
        .post(OPPORTUNITIES + "/" + opp + "/selections")
        .then()
        .statusCode(200)
        .body("state", equalTo("selected"));
    member(early)
        .get(OPPORTUNITIES + "/" + opp)
        .then()
        .body("myInterest.state", equalTo("selected"));
  }

  @Test
  void targetingDecidesWhoSeesItAndMinorsNeedTheFlagAndTheScope() {
    Map<String, Object> forTokyo = OpportunityApi.opportunity("mini-camp-tutor", 5, "in-person");
    forTokyo.put("targeting", OpportunityApi.targeting("adult", List.of("13")));
    String tokyo = OpportunityApi.create(forTokyo);
    Map<String, Object> young = OpportunityApi.opportunity("alumni-seminar", 5, "online");
    young.put("targeting", OpportunityApi.targeting("junior", List.of()));
    young.put("minorSuitable", true);
    String seminar = OpportunityApi.create(young);
    Map<String, Object> notForMinors = OpportunityApi.opportunity("alumni-workshop", 5, "online");
    notForMinors.put("targeting", OpportunityApi.targeting("junior", List.of()));
    String workshop = OpportunityApi.create(notForMinors);

    Person tokyoite = CommunityApi.enrolled(30);
    OpportunityApi.livesIn(tokyoite, "13");
    Person osakan = CommunityApi.enrolled(31);
    OpportunityApi.livesIn(osakan, "27");
    assertTrue(OpportunityApi.feedIds(tokyoite).containsAll(List.of(tokyo, seminar, workshop)));
    List<String> osaka = OpportunityApi.feedIds(osakan);
    assertFalse(osaka.contains(tokyo));
    assertTrue(osaka.containsAll(List.of(seminar, workshop)));
    member(osakan).get(OPPORTUNITIES + "/" + tokyo).then().statusCode(404);
    OpportunityApi.interest(tokyo, osakan, 404);

    // A 15-year-old whose guardian consented to online events: the minor-suitable online seminar.
    Person minor = CommunityApi.minorWith(15, "membership", "events-online");
    List<String> seen = OpportunityApi.feedIds(minor);
    assertTrue(seen.contains(seminar));
    assertFalse(seen.contains(workshop), "not flagged minor-suitable");
    assertFalse(seen.contains(tokyo));
    member(minor).get(OPPORTUNITIES + "/" + workshop).then().statusCode(404);
    OpportunityApi.interest(seminar, minor, 201);
    assertEquals(
        List.of(seminar),
        member(minor)
            .get(OPPORTUNITIES + "?limit=50")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.id", String.class)
            .stream()
            .filter(List.of(seminar, workshop, tokyo)::contains)
            .toList());
    // Without a scope that covers it, the seminar is not offered and interest is refused by name.
    Person unconsented = CommunityApi.minorWith(15, "membership", "events-in-person");
    assertFalse(OpportunityApi.feedIds(unconsented).contains(seminar));
    member(unconsented)
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post(OPPORTUNITIES + "/" + seminar + "/interests")
        .then()
        .statusCode(403)
        .body("missingScope", equalTo("events-online"));
    // The office's list shows the minor's age band and shown name only.
    String list =
        office()
            .get(OPPORTUNITIES + "/" + seminar + "/interests")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertFalse(list.contains(minor.email()));
    assertFalse(list.contains(minor.guardianEmail()));
    assertFalse(list.contains("dateOfBirth"));
  }

  @Test
  void changesNeedIfMatchAndKeepKindAndSelectedSlots() {
    Map<String, Object> body = OpportunityApi.opportunity("youth-lecturer", 2, "in-person");
    String opp = OpportunityApi.create(body);
    Person p = CommunityApi.enrolled(33);
    String interest = OpportunityApi.interest(opp, p, 201);
    office()
        .contentType(ContentType.JSON)
        .body(Map.of("interestId", interest))
        .post(OPPORTUNITIES + "/" + opp + "/selections")
        .then()
        .statusCode(200);
    office()
        .contentType(ContentType.JSON)
        .body(Map.of("interestId", interest))
        .post(OPPORTUNITIES + "/" + opp + "/selections")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/not-selectable"));
    String etag = office().get(OPPORTUNITIES + "/" + opp).then().extract().header("ETag");
    CommunityApi.lenient(Tokens.of("camp-office", CommunityApi.OFFICE_SUBJECT))
        .contentType(ContentType.JSON)
        .body(body)
        .put(OPPORTUNITIES + "/" + opp)
        .then()
        .statusCode(428);
    Map<String, Object> changed = new HashMap<>(body);
    changed.put("kind", "camp-instructor");
    changed.put("slots", 0);
    CommunityApi.lenient(Tokens.of("camp-office", CommunityApi.OFFICE_SUBJECT))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(changed)
        .put(OPPORTUNITIES + "/" + opp)
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("slots"));
    changed.put("slots", 1);
    changed.put("kind", "camp-instructor");
    office()
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(changed)
        .put(OPPORTUNITIES + "/" + opp)
        .then()
        .statusCode(409)
        .body("violations.field", containsInAnyOrder("kind"));
    changed.put("kind", "youth-lecturer");
    etag =
        office()
            .header("If-Match", etag)
            .contentType(ContentType.JSON)
            .body(changed)
            .put(OPPORTUNITIES + "/" + opp)
            .then()
            .statusCode(200)
            .body("slots", equalTo(1))
            .extract()
            .header("ETag");
    office()
        .header("If-Match", etag)
        .post(OPPORTUNITIES + "/" + opp + "/cancellation")
        .then()
        .statusCode(200)
        .body("state", equalTo("cancelled"));
    OpportunityApi.interest(opp, CommunityApi.enrolled(34), 404);
  }
}
