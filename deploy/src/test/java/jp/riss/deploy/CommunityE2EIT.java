package jp.riss.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The camp community end to end, through the gateway only, with tokens from deploy/local/token:
 * completions of an adult, a 16-year-old and a 14-year-old imported; each enrols with the code from
 * the dev mailbox; the 16-year-old's guardian grants membership and groups but not publication;
 * group posts; the adult's direct message to the 16-year-old refused; a post with a phone number
 * held; a report, its case, a hide and an appeal decided by a second moderator; and the public
 * surfaces show nothing of either minor.
 */
@ExtendWith(LocalStack.class)
class CommunityE2EIT {

  private static final String API = "/api/v1/community";
  private static final Pattern CODE = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
  private static final Pattern LINK = Pattern.compile("#token=([A-Za-z0-9_.-]+)");

  private final String office = LocalStack.token("camp-office", "e2e-camp-office");
  private final String office2 = LocalStack.token("camp-office", "e2e-camp-office-2");

  private static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  private String mail(String to) {
    return as(office)
        .queryParam("to", to)
        .get(API + "/dev/mailbox")
        .then()
        .statusCode(200)
        .extract()
        .path("items[0].body");
  }

  private static String match(Pattern p, String text, int group) {
    Matcher m = p.matcher(text);
    assertTrue(m.find(), p + " in " + text);
    return m.group(group);
  }

  /** Enrols with the mailed code; returns {token, memberId}. */
  private String[] enrol(String email) {
    String token = LocalStack.token("alumni", "e2e-alumni-" + UUID.randomUUID());
    String id =
        as(token)
            .contentType(ContentType.JSON)
            .body(Map.of("code", match(CODE, mail(email), 0)))
            .post(API + "/alumni/me/enrolment")
            .then()
            .statusCode(200)
            .extract()
            .path("memberId");
    return new String[] {token, id};
  }

  private String caseOf(String targetId) {
    return as(office)
        .get(API + "/moderation-cases?limit=100")
        .then()
        .statusCode(200)
        .extract()
        .path("items.find { it.target.id == '" + targetId + "' }.id");
  }

  private void act(String caseId, String action, String reason) {
    as(office)
        .contentType(ContentType.JSON)
        .body(Map.of("action", action, "reason", reason))
        .post(API + "/moderation-cases/" + caseId + "/actions")
        .then()
        .statusCode(200);
  }

  private String post(String group, String token, String body) {
    return as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("body", body))
        .post(API + "/groups/" + group + "/posts")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void membersMinorsGroupsAndModeration() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    Map<String, LocalDate> born = new LinkedHashMap<>();
    born.put("adult", today.minusYears(30).minusDays(40));
    born.put("teen", today.minusYears(16).minusDays(40));
    born.put("junior", today.minusYears(14).minusDays(40));
    List<Map<String, Object>> rows = new ArrayList<>();
    born.forEach(
        (who, dob) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("rowKey", "e2e-" + run + "-" + who);
          row.put("personRef", "e2e-" + run + "-" + who);
          row.put("fullName", "E2E " + who + " " + run);
          row.put("email", "e2e-" + run + "-" + who + "@example.jp");
          row.put("dateOfBirth", dob.toString());
          if (!who.equals("adult")) {
            row.put("guardianEmail", "e2e-" + run + "-guardian-" + who + "@example.jp");
          }
          row.put("programme", who.equals("junior") ? "junior" : "national");
          row.put("fiscalYear", 2024);
          row.put("verified", true);
          rows.add(row);
        });
    as(office)
        .contentType(ContentType.JSON)
        .body(Map.of("rows", rows))
        .post(API + "/completion-imports")
        .then()
        .statusCode(200)
        .body("created", equalTo(3))
        .body("codesSent", equalTo(3));

    String[] adult = enrol("e2e-" + run + "-adult@example.jp");
    String[] teen = enrol("e2e-" + run + "-teen@example.jp");
    String[] junior = enrol("e2e-" + run + "-junior@example.jp");
    as(junior[0])
        .get(API + "/groups")
        .then()
        .statusCode(403)
        .body("missingScope", equalTo("membership"));

    String guardianToken = match(LINK, mail("e2e-" + run + "-guardian-teen@example.jp"), 1);
    String version =
        given()
            .header("X-Guardian-Token", guardianToken)
            .get(API + "/guardian/consent-request")
            .then()
            .statusCode(200)
            .body("ageBand", equalTo("teen"))
            .extract()
            .path("textVersion");
    given()
        .header("X-Guardian-Token", guardianToken)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "textVersion",
                version,
                "decisions",
                Map.of("membership", "grant", "groups", "grant", "publication", "refuse")))
        .post(API + "/guardian/consents")
        .then()
        .statusCode(200);
    as(teen[0])
        .get(API + "/alumni/me")
        .then()
        .statusCode(200)
        .body("scopesInForce", containsInAnyOrder("membership", "groups"));

    String group =
        as(office)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "name",
                    "E2E ゼミ " + run,
                    "purpose",
                    "programme-cohort",
                    "visibility",
                    "invitation",
                    "minAgeBand",
                    "junior",
                    "moderators",
                    List.of(
                        Map.of("subject", "e2e-camp-office", "displayName", "事務局 一郎"),
                        Map.of("subject", "e2e-camp-office-2", "displayName", "事務局 二郎"))))
            .post(API + "/groups")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    for (String[] m : List.of(adult, teen)) {
      as(office)
          .contentType(ContentType.JSON)
          .body(Map.of("memberId", m[1]))
          .post(API + "/groups/" + group + "/members")
          .then()
          .statusCode(200);
    }
    // First posts are held for review; the moderator lets them through.
    act(caseOf(post(group, adult[0], "はじめまして")), "restore", "確認しました");
    act(caseOf(post(group, teen[0], "よろしくお願いします")), "restore", "確認しました");
    String adultPost = post(group, adult[0], "演習の復習会をしませんか");
    as(teen[0])
        .get(API + "/groups/" + group + "/posts")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(adultPost));

    as(adult[0])
        .contentType(ContentType.JSON)
        .body(Map.of("recipientId", teen[1], "body", "個別にどうぞ"))
        .post(API + "/direct-messages")
        .then()
        .statusCode(403)
        .body("type", equalTo("https://riss.example/problems/direct-messages-adults-only"));

    String phone =
        as(adult[0])
            .contentType(ContentType.JSON)
            .body(Map.of("body", "電話は 090-1234-5678 です"))
            .post(API + "/groups/" + group + "/posts")
            .then()
            .statusCode(201)
            .body("state", equalTo("held"))
            .body("heldReasons", hasItem("contact-details"))
            .extract()
            .path("id");
    as(teen[0]).get(API + "/groups/" + group + "/posts/" + phone).then().statusCode(404);

    as(teen[0])
        .contentType(ContentType.JSON)
        .body(Map.of("targetKind", "post", "targetId", adultPost, "reason", "勧誘のように感じました"))
        .post(API + "/moderation-reports")
        .then()
        .statusCode(201);
    String caseId = caseOf(adultPost);
    String actionId =
        as(office)
            .contentType(ContentType.JSON)
            .body(Map.of("action", "hide", "reason", "確認のため非表示にします"))
            .post(API + "/moderation-cases/" + caseId + "/actions")
            .then()
            .statusCode(200)
            .extract()
            .path("actions[0].id");
    as(adult[0])
        .contentType(ContentType.JSON)
        .body(Map.of("statement", "勉強会の案内です"))
        .post(API + "/moderation-actions/" + actionId + "/appeal")
        .then()
        .statusCode(201);
    as(office2)
        .contentType(ContentType.JSON)
        .body(Map.of("outcome", "overturned", "reason", "勉強会の案内で問題なし"))
        .post(API + "/moderation-actions/" + actionId + "/appeal/decision")
        .then()
        .statusCode(200)
        .body("target.state", equalTo("visible"));

    List<String> secrets = new ArrayList<>();
    for (String who : List.of("teen", "junior")) {
      secrets.add("E2E " + who + " " + run);
      secrets.add("e2e-" + run + "-" + who);
      secrets.add(born.get(who).toString());
    }
    secrets.add(teen[1]);
    secrets.add(junior[1]);
    for (String path :
        List.of(API + "/programmes", API + "/programmes/junior", API + "/editions")) {
      String body = given().get(path).then().statusCode(200).extract().asString();
      for (String secret : secrets) {
        assertFalse(body.contains(secret), path + " shows " + secret);
      }
    }
  }
}
