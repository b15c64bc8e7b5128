package jp.riss.community;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;

/**
 * Drives the community API the way the camp office, members and guardians do. The test database
 * outlives a run, so every person, subject and address is fresh.
 */
public final class CommunityApi {

  public static final String BASE = "/api/v1/community";
  public static final String IMPORTS = BASE + "/completion-imports";
  public static final String ME = BASE + "/alumni/me";
  public static final String GROUPS = BASE + "/groups";
  public static final String MAILBOX = BASE + "/dev/mailbox";
  public static final String OFFICE_SUBJECT = "office-moderator-1";
  public static final String OFFICE_SUBJECT_2 = "office-moderator-2";
  public static final Pattern CODE = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
  public static final Pattern LINK =
      Pattern.compile("#token=([A-Za-z0-9_-]{32}\\.[A-Za-z0-9_-]{43})");

  private CommunityApi() {}

  /** A member (or a person not yet enrolled) as a test knows them. */
  public record Person(
      String personRef, String subject, String memberId, String email, String guardianEmail) {

    public String token() {
      return Tokens.of("alumni", subject);
    }
  }

  public static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Tokyo"));
  }

  public static RequestSpecification checked() {
    return given().filter(Contracts.validator());
  }

  /**
   * For requests the contract forbids on purpose (no If-Match, bad values): only the answer is
   * checked.
   */
  public static RequestSpecification lenient(String token) {
    return given().filter(Contracts.responseValidator()).header("Authorization", "Bearer " + token);
  }

  public static RequestSpecification as(String role, String subject) {
    return checked().header("Authorization", "Bearer " + Tokens.of(role, subject));
  }

  public static RequestSpecification office() {
    return as("camp-office", OFFICE_SUBJECT);
  }

  public static RequestSpecification office2() {
    return as("camp-office", OFFICE_SUBJECT_2);
  }

  public static RequestSpecification member(Person p) {
    return checked().header("Authorization", "Bearer " + p.token());
  }

  public static String fresh(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
  }

  /** A row of a completion import. */
  public static Map<String, Object> row(
      String rowKey,
      String personRef,
      String email,
      LocalDate dob,
      String guardianEmail,
      String programme,
      int fiscalYear) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("rowKey", rowKey);
    row.put("personRef", personRef);
    row.put("fullName", "修了 " + personRef.substring(personRef.length() - 6));
    row.put("email", email);
    row.put("dateOfBirth", dob.toString());
    if (guardianEmail != null) {
      row.put("guardianEmail", guardianEmail);
    }
    row.put("programme", programme);
    row.put("fiscalYear", fiscalYear);
    row.put("verified", true);
    return row;
  }

  public static JsonPath importRows(List<Map<String, Object>> rows) {
    return office()
        .contentType(ContentType.JSON)
        .body(Map.of("rows", rows))
        .post(IMPORTS)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** A person of the given age today (years), recorded by the camp office but not yet enrolled. */
  public static Person recorded(int age) {
    return recorded(today().minusYears(age).minusDays(30), "national", 2024);
  }

  public static Person recorded(LocalDate dob, String programme, int fiscalYear) {
    String ref = fresh("p");
    String email = ref + "@example.jp";
    boolean minor = dob.plusYears(18).isAfter(today());
    String guardian = minor ? "guardian-" + ref + "@example.jp" : null;
    importRows(List.of(row(ref + "-c1", ref, email, dob, guardian, programme, fiscalYear)));
    return new Person(ref, null, null, email, guardian);
  }

  /** The newest message to an address, from the dev mailbox. */
  public static String latestMail(String to) {
    return office()
        .queryParam("to", to)
        .get(MAILBOX)
        .then()
        .statusCode(200)
        .extract()
        .path("items[0].body");
  }

  public static String codeFor(Person p) {
    Matcher m = CODE.matcher(latestMail(p.email()));
    assertTrue(m.find(), "an enrolment code mailed to " + p.email());
    return m.group();
  }

  public static String guardianToken(Person p) {
    Matcher m = LINK.matcher(latestMail(p.guardianEmail()));
    assertTrue(m.find(), "a guardian link mailed to " + p.guardianEmail());
    return m.group(1);
  }

  /** Records, enrols (redeeming the mailed code) and returns the member. */
  public static Person enrolled(int age) {
    return enrol(recorded(age));
  }

  public static Person enrol(Person recorded) {
    String subject = fresh("alumni");
    String id =
        checked()
            .header("Authorization", "Bearer " + Tokens.of("alumni", subject))
            .contentType(ContentType.JSON)
            .body(Map.of("code", codeFor(recorded)))
            .post(ME + "/enrolment")
            .then()
            .statusCode(200)
            .extract()
            .path("memberId");
    return new Person(
        recorded.personRef(), subject, id, recorded.email(), recorded.guardianEmail());
  }

  /** The guardian answers with the latest link: scope → "grant" or "refuse". */
  public static JsonPath guardianDecides(Person minor, Map<String, String> decisions) {
    String token = guardianToken(minor);
    String version =
        checked()
            .header("X-Guardian-Token", token)
            .get(BASE + "/guardian/consent-request")
            .then()
            .statusCode(200)
            .extract()
            .path("textVersion");
    return checked()
        .header("X-Guardian-Token", token)
        .contentType(ContentType.JSON)
        .body(Map.of("textVersion", version, "decisions", decisions))
        .post(BASE + "/guardian/consents")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  public static Map<String, String> grant(String... scopes) {
    Map<String, String> d = new LinkedHashMap<>();
    for (String s : scopes) {
      d.put(s, "grant");
    }
    return d;
  }

  /** A minor enrolled, with the guardian having granted these scopes. */
  public static Person minorWith(int age, String... scopes) {
    Person p = enrolled(age);
    guardianDecides(p, grant(scopes));
    return p;
  }

  /** A group moderated by {@link #OFFICE_SUBJECT} (and the second moderator). */
  public static String group(String purpose, String visibility, String minAgeBand) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", fresh("group"));
    body.put("purpose", purpose);
    body.put("visibility", visibility);
    body.put("minAgeBand", minAgeBand);
    body.put(
        "moderators",
        List.of(
            Map.of("subject", OFFICE_SUBJECT, "displayName", "事務局 一郎"),
            Map.of("subject", OFFICE_SUBJECT_2, "displayName", "事務局 二郎")));
    return office()
        .contentType(ContentType.JSON)
        .body(body)
        .post(GROUPS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static void addToGroup(String group, Person p) {
    office()
        .contentType(ContentType.JSON)
        .body(Map.of("memberId", p.memberId()))
        .post(GROUPS + "/" + group + "/members")
        .then()
        .statusCode(200);
  }

  public static JsonPath post(String group, Person author, String body) {
    return member(author)
        .contentType(ContentType.JSON)
        .body(Map.of("body", body))
        .post(GROUPS + "/" + group + "/posts")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  /** Posts once so the author's later posts are no longer first posts, and restores it. */
  /**
   * A new adult, invitation-only topic group with {@code author} in it, past the review of a
   * member's first post, so the next post is published at once.
   */
  public static String groupWithPoster(Person author) {
    String g = group("topic", "invitation", "adult");
    addToGroup(g, author);
    pastFirstPost(g, author);
    return g;
  }

  public static void pastFirstPost(String group, Person author) {
    String id = post(group, author, "はじめまして。よろしくお願いします。").getString("id");
    String caseId = openCaseOf(id);
    office()
        .contentType(ContentType.JSON)
        .body(Map.of("action", "restore", "reason", "問題ありません"))
        .post(BASE + "/moderation-cases/" + caseId + "/actions")
        .then()
        .statusCode(200);
  }

  /** The open case about a target, from the first moderator's queue. */
  public static String openCaseOf(String targetId) {
    List<String> found = new ArrayList<>();
    String next = BASE + "/moderation-cases?limit=100";
    while (next != null && found.isEmpty()) {
      JsonPath page = office().get(next).then().statusCode(200).extract().jsonPath();
      List<Map<String, Object>> items = page.getList("items");
      for (Map<String, Object> item : items) {
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) item.get("target");
        if (targetId.equals(target.get("id"))) {
          found.add((String) item.get("id"));
        }
      }
      next = page.getString("next");
    }
    assertTrue(!found.isEmpty(), "an open case about " + targetId);
    return found.get(0);
  }
}
