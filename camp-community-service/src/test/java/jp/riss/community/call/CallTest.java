package jp.riss.community.call;

import static jp.riss.community.CommunityApi.member;
import static jp.riss.community.CommunityApi.office;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;
import jp.riss.community.MovableClock;
import jp.riss.community.opportunity.OpportunityApi;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Government calls: issued by a government body, answered once by the members they target, read by
 * the issuer and the camp office only, contacts exported only for those who consented.
 */
@QuarkusTest
class CallTest {

  static final String CALLS = CommunityApi.BASE + "/government-calls";

  @Inject MovableClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  static RequestSpecification issuer(String subject) {
    return CommunityApi.as("government-body", subject);
  }

  static Map<String, Object> call(String kind, String minAgeBand, boolean minorSuitable) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind);
    body.put("issuer", "経済産業省 商務情報政策局");
    body.put("title", CommunityApi.fresh("サイバーセキュリティ人材施策への意見募集"));
    body.put("description", "修了生の皆さまのご意見をお寄せください。");
    body.put("deadline", OpportunityApi.inDays(2));
    body.put("targeting", OpportunityApi.targeting(minAgeBand, List.of()));
    body.put("minorSuitable", minorSuitable);
    return body;
  }

  static String issue(String subject, Map<String, Object> body) {
    return issuer(subject)
        .contentType(ContentType.JSON)
        .body(body)
        .post(CALLS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static void respond(String call, Person p, String text, boolean consent, int status) {
    member(p)
        .contentType(ContentType.JSON)
        .body(Map.of("body", text, "contactConsent", consent))
        .post(CALLS + "/" + call + "/responses")
        .then()
        .statusCode(status);
  }

  @Test
  void responsesAreTheIssuersAndTheOfficesAndContactsOnlyOfThoseWhoConsented() {
    String issuerSubject = CommunityApi.fresh("meti");
    String call = issue(issuerSubject, call("opinion", "teen", true));
    Person consenting = CommunityApi.enrolled(29);
    Person quiet = CommunityApi.enrolled(30);
    Person minor = CommunityApi.minorWith(16, "membership", "government-calls");
    respond(call, consenting, "地方での勉強会を増やしてほしい", true, 201);
    respond(call, quiet, "匿名で意見だけ送ります", false, 201);
    respond(call, minor, "高校生向けの講座がほしい", true, 201);
    respond(call, consenting, "二度目", true, 409);

    // Another issuer, and members, learn nothing about the responses.
    issuer(CommunityApi.fresh("other-body")).get(CALLS + "/" + call).then().statusCode(404);
    issuer(CommunityApi.fresh("other-body"))
        .get(CALLS + "/" + call + "/responses")
        .then()
        .statusCode(404);
    issuer(CommunityApi.fresh("other-body"))
        .get(CALLS + "/" + call + "/contacts")
        .then()
        .statusCode(404);
    member(consenting)
        .get(CALLS + "/" + call)
        .then()
        .statusCode(200)
        .body("responses", nullValue());

    for (RequestSpecification reader : List.of(issuer(issuerSubject), office())) {
      String responses =
          reader
              .get(CALLS + "/" + call + "/responses")
              .then()
              .statusCode(200)
              .body("items", org.hamcrest.Matchers.hasSize(3))
              .extract()
              .asString();
      for (Person p : List.of(consenting, quiet, minor)) {
        assertFalse(responses.contains(p.email()), "a response shows an e-mail address");
        assertFalse(responses.contains(p.memberId()), "a response shows who wrote it");
      }
    }
    String contacts =
        issuer(issuerSubject)
            .get(CALLS + "/" + call + "/contacts")
            .then()
            .statusCode(200)
            .body("items.email", containsInAnyOrder(consenting.email()))
            .extract()
            .asString();
    assertFalse(contacts.contains(quiet.email()));
    assertFalse(contacts.contains(minor.email()), "a minor's contact details left the community");
    assertFalse(contacts.contains(minor.guardianEmail()));
    office()
        .get(CALLS + "/" + call + "/contacts")
        .then()
        .statusCode(200)
        .body("items.email", containsInAnyOrder(consenting.email()));
    // The minor's own view says the consent to be contacted was not recorded.
    member(minor)
        .get(CALLS + "/" + call)
        .then()
        .statusCode(200)
        .body("myResponse.contactConsent", equalTo(false));
    issuer(issuerSubject)
        .get(CALLS)
        .then()
        .statusCode(200)
        .body("items.id", containsInAnyOrder(call));
  }

  @Test
  void minorsNeedTheScopeAndAMinorSuitableCall() {
    String forAll = issue(CommunityApi.fresh("mic"), call("participation", "junior", true));
    String adultsOnly = issue(CommunityApi.fresh("mic"), call("participation", "junior", false));
    Person without = CommunityApi.minorWith(15, "membership", "surveys");
    member(without)
        .get(CALLS)
        .then()
        .statusCode(403)
        .body("missingScope", equalTo("government-calls"));
    assertFalse(OpportunityApi.feedIds(without).contains(forAll));
    respond(forAll, without, "参加したい", false, 403);
    Person with = CommunityApi.minorWith(15, "membership", "government-calls");
    List<String> feed = OpportunityApi.feedIds(with);
    assertTrue(feed.contains(forAll));
    assertFalse(feed.contains(adultsOnly));
    member(with).get(CALLS + "/" + adultsOnly).then().statusCode(404);
    Person adult = CommunityApi.enrolled(50);
    assertTrue(OpportunityApi.feedIds(adult).containsAll(List.of(forAll, adultsOnly)));
  }

  @Test
  void theDeadlineClosesResponsesAndTheFeed() {
    String call = issue(CommunityApi.fresh("nisc"), call("opinion", "adult", false));
    Person p = CommunityApi.enrolled(36);
    Person q = CommunityApi.enrolled(37);
    respond(call, q, "期限内の意見", false, 201);
    assertTrue(OpportunityApi.feedIds(p).contains(call));
    clock.advance(Duration.ofDays(3));
    assertFalse(OpportunityApi.feedIds(p).contains(call));
    member(p).get(CALLS + "/" + call).then().statusCode(404);
    respond(call, q, "遅れた意見", false, 409);
    member(q).get(CALLS + "/" + call).then().statusCode(200).body("state", equalTo("closed"));
  }

  @Test
  void badInputNamesEveryFieldAtOnce() {
    Map<String, Object> body = new HashMap<>(call("survey", "adult", true));
    body.put("issuer", " ");
    body.put("title", null);
    body.put("description", "x".repeat(5001));
    body.put("deadline", "tomorrow");
    CommunityApi.lenient(Tokens.of("government-body", "meti"))
        .contentType(ContentType.JSON)
        .body(body)
        .post(CALLS)
        .then()
        .statusCode(400)
        .body(
            "violations.field",
            containsInAnyOrder(
                "kind", "issuer", "title", "description", "deadline", "minorSuitable"));
    String call = issue(CommunityApi.fresh("meti"), call("opinion", "adult", false));
    CommunityApi.lenient(CommunityApi.enrolled(38).token())
        .contentType(ContentType.JSON)
        .body(Map.of("body", "あ".repeat(4001)))
        .post(CALLS + "/" + call + "/responses")
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("body", "contactConsent"));
    assertEquals(
        201,
        member(CommunityApi.enrolled(39))
            .contentType(ContentType.JSON)
            .body(Map.of("body", "あ".repeat(4000), "contactConsent", false))
            .post(CALLS + "/" + call + "/responses")
            .then()
            .extract()
            .statusCode());
  }
}
