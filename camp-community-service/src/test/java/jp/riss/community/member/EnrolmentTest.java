package jp.riss.community.member;

import static jp.riss.community.CommunityApi.BASE;
import static jp.riss.community.CommunityApi.ME;
import static jp.riss.community.CommunityApi.checked;
import static jp.riss.community.CommunityApi.codeFor;
import static jp.riss.community.CommunityApi.enrolled;
import static jp.riss.community.CommunityApi.fresh;
import static jp.riss.community.CommunityApi.member;
import static jp.riss.community.CommunityApi.office;
import static jp.riss.community.CommunityApi.recorded;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;
import jp.riss.community.MovableClock;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Identity is proven by the mailed code, never asserted; the profile; export and deletion. */
@QuarkusTest
class EnrolmentTest {

  @Inject MovableClock clock;

  private static io.restassured.response.ValidatableResponse redeem(String subject, String code) {
    return checked()
        .header("Authorization", "Bearer " + Tokens.of("alumni", subject))
        .contentType(ContentType.JSON)
        .body(Map.of("code", code))
        .post(ME + "/enrolment")
        .then();
  }

  @Test
  void theCodeBindsTheTokenOnceAndAWrongCodeSaysNothing() {
    Person p = recorded(30);
    String code = codeFor(p);
    String wrong =
        redeem(fresh("alumni"), "ABCD-EFGH-JKMN")
            .statusCode(400)
            .body("type", equalTo("https://riss.example/problems/enrolment-code-invalid"))
            .body("violations.field", hasItem("code"))
            .extract()
            .asString();
    String subject = fresh("alumni");
    redeem(subject, code.toLowerCase().replace("-", " "))
        .statusCode(200)
        .body("ageBand", equalTo("adult"))
        .body("completions.programme", hasItem("national"))
        .body("$", not(org.hamcrest.Matchers.hasKey("dateOfBirth")))
        .body("$", not(org.hamcrest.Matchers.hasKey("email")));
    // Used: the same answer as a code that never existed (minus the request id and path).
    String used = redeem(fresh("alumni"), code).statusCode(400).extract().asString();
    assertEquals(strip(wrong), strip(used));
    // The bound subject cannot enrol again.
    redeem(subject, "ABCD-EFGH-JKMN").statusCode(409);
    // Nothing but the code is accepted: no person id or address as proof.
    io.restassured.RestAssured.given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("alumni", fresh("alumni")))
        .contentType(ContentType.JSON)
        .body(Map.of("code", code, "email", p.email()))
        .post(ME + "/enrolment")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("email"));
  }

  private static String strip(String problem) {
    return problem.replaceAll("\"requestId\":\"[^\"]*\"", "");
  }

  @Test
  void anExpiredCodeIsRefusedLikeAWrongOne() {
    Person p = recorded(25);
    String code = codeFor(p);
    clock.advance(Duration.ofDays(31));
    try {
      redeem(fresh("alumni"), code)
          .statusCode(400)
          .body("type", equalTo("https://riss.example/problems/enrolment-code-invalid"));
    } finally {
      clock.reset();
    }
  }

  @Test
  void aTokenThatRedeemedNothingIsNotAMember() {
    checked()
        .header("Authorization", "Bearer " + Tokens.of("alumni", fresh("alumni")))
        .get(ME)
        .then()
        .statusCode(403)
        .body("type", equalTo("https://riss.example/problems/not-enrolled"));
  }

  @Test
  void profileUpdatesNeedIfMatchAndNameEveryBadField() {
    Person p = enrolled(28);
    String etag = member(p).get(ME).then().statusCode(200).extract().header("ETag");
    CommunityApi.lenient(p.token())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "displayName", "キャンプ 太郎",
                "prefecture", "13",
                "municipality", "千代田区",
                "affiliationKind", "employed",
                "interests", List.of("マルウェア解析", "CTF")))
        .put(ME)
        .then()
        .statusCode(428);
    member(p)
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "displayName", "キャンプ 太郎",
                "prefecture", "13",
                "municipality", "千代田区",
                "affiliationKind", "employed",
                "interests", List.of("マルウェア解析", "CTF")))
        .put(ME)
        .then()
        .statusCode(200)
        .body("displayName", equalTo("キャンプ 太郎"))
        .body("municipality", equalTo("千代田区"));
    member(p)
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "displayName", "x",
                "prefecture", "13",
                "affiliationKind", "employed"))
        .put(ME)
        .then()
        .statusCode(412);
    io.restassured.RestAssured.given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + p.token())
        .header("If-Match", "\"1\"")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "displayName",
                "x".repeat(51),
                "prefecture",
                "48",
                "affiliationKind",
                "astronaut",
                "interests",
                List.of("")))
        .put(ME)
        .then()
        .statusCode(400)
        .body(
            "violations.field",
            containsInAnyOrder("displayName", "prefecture", "affiliationKind", "interests[0]"));
    // A control character is refused where the body is read (the platform's JSON reader), naming
    // its path, before any other check.
    io.restassured.RestAssured.given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + p.token())
        .header("If-Match", "\"1\"")
        .contentType(ContentType.JSON)
        .body(Map.of("displayName", "a\u0000b", "prefecture", "13", "affiliationKind", "employed"))
        .put(ME)
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("displayName"));
  }

  @Test
  void aMinorKeepsNoMunicipality() {
    Person p = CommunityApi.minorWith(16, "membership");
    String etag = member(p).get(ME).then().statusCode(200).extract().header("ETag");
    member(p)
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "displayName", "ミナー",
                "prefecture", "27",
                "municipality", "大阪市",
                "affiliationKind", "student"))
        .put(ME)
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("municipality"));
  }

  @Test
  void exportHoldsTheMembersDataButNotTheDateOfBirth() {
    Person p = enrolled(33);
    member(p)
        .get(ME + "/export")
        .then()
        .statusCode(200)
        .body("profile.memberId", equalTo(p.memberId()))
        .body("email", equalTo(p.email()))
        .body("profile", not(org.hamcrest.Matchers.hasKey("dateOfBirth")));
  }

  @Test
  void deletionKeepsOnlyTheCompletionRecord() {
    Person p = enrolled(40);
    member(p).delete(ME).then().statusCode(204);
    member(p).get(ME).then().statusCode(403);
    office()
        .get(BASE + "/members/" + p.memberId())
        .then()
        .statusCode(200)
        .body("enrolled", equalTo(false))
        .body("completions.programme", hasItem("national"))
        .body("profileDeletedAt", not(nullValue()));
  }

  @Test
  void enrolmentIsAnEventWithoutPersonalData() {
    Person p = enrolled(31);
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), MemberChanged.TOPIC)) {
      var event =
          log.awaitEvent(
              e -> p.memberId().equals(e.path("subject").asText()), Duration.ofSeconds(20));
      assertEquals("enrolled", event.path("data").path("change").asText());
      String raw =
          log.records().stream()
              .filter(r -> r.value().contains(p.memberId()))
              .findFirst()
              .orElseThrow()
              .value();
      assertEquals(java.util.Set.of(), EventSchemas.violations(MemberChanged.SCHEMA, raw));
      assertFalse(raw.contains(p.email()));
    }
  }
}
