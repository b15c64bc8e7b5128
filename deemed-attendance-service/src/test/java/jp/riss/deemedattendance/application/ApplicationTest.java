package jp.riss.deemedattendance.application;

import static io.restassured.RestAssured.given;
import static jp.riss.deemedattendance.DeemedAttendanceApi.BASE;
import static jp.riss.deemedattendance.DeemedAttendanceApi.IMPORT_COMPLETIONS;
import static jp.riss.deemedattendance.DeemedAttendanceApi.PRACTICAL;
import static jp.riss.deemedattendance.DeemedAttendanceApi.bearer;
import static jp.riss.deemedattendance.DeemedAttendanceApi.completionRecord;
import static jp.riss.deemedattendance.DeemedAttendanceApi.freshSubject;
import static jp.riss.deemedattendance.DeemedAttendanceApi.importRecords;
import static jp.riss.deemedattendance.DeemedAttendanceApi.registered;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.deemedattendance.TestClock;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/** Drafting applications and their experience entries, as the owning specialist. */
@QuarkusTest
class ApplicationTest {

  static final String APPLICATIONS = BASE + "/applications";
  static final String MINE = BASE + "/me/applications";

  /** The seeded sample example of area 4 (migration V3). */
  static final String EXAMPLE_4 = "00000000-0000-4000-8000-000000000401";

  @Inject AgroalDataSource dataSource;

  // ------------------------------------------------------------------ helpers

  static LocalDate start() {
    return RenewalCalendar.today(TestClock.CLOCK).minusDays(400);
  }

  /** A specialist in the second year of a cycle, nothing of the practical course done. */
  String specialist() {
    String subject = freshSubject();
    registered(dataSource, subject, start());
    return subject;
  }

  static ValidatableResponse create(String subject, Object body) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .contentType(ContentType.JSON)
        .body(body)
        .post(APPLICATIONS)
        .then();
  }

  static String draft(String subject) {
    return create(subject, Map.of("requirementKind", PRACTICAL))
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String description(String tag) {
    return ("取引先の物流会社において、倉庫管理システムの更改に合わせて、拠点間を結ぶ閉域網とインターネット接続点の"
            + "構成を調査した。境界の装置で不要な通信が許可されたままであること、管理画面が外部から到達可能であることを"
            + "確認し、通信の許可一覧を業務単位に整理し直す計画を作成した。計画に沿って設定の変更を段階的に行い、変更の"
            + "前後で業務の通信が途切れないことを運用担当者と確かめた。結果として、外部から到達可能な管理画面は無くなり、"
            + "許可一覧の規則数は半分以下に減った。識別子 ")
        + tag;
  }

  static Map<String, Object> entry(String description) {
    Map<String, Object> e = new HashMap<>();
    e.put("syllabusItems", List.of("3-5", "2-7"));
    e.put("title", "拠点間ネットワークの境界設定の見直し");
    e.put("description", description);
    e.put("periodFrom", start().plusDays(10).toString());
    e.put("periodTo", start().plusDays(100).toString());
    e.put("organisationName", "国税庁");
    e.put("corporateNumber", "7000012050002");
    e.put("applicantRole", "ネットワーク設計の責任者");
    e.put("certifierName", "山田 太郎");
    e.put("certifierTitle", "情報システム部長");
    e.put("certifierEmail", "yamada@example.jp");
    e.put("certifierRelation", "EMPLOYER");
    return e;
  }

  static Map<String, Object> entry() {
    return entry(description(UUID.randomUUID().toString()));
  }

  static ValidatableResponse addEntry(String subject, String id, Object body, boolean valid) {
    return given()
        .filter(valid ? Contracts.validator() : Contracts.responseValidator())
        .header("Authorization", bearer("specialist", subject))
        .contentType(ContentType.JSON)
        .body(body)
        .post(APPLICATIONS + "/" + id + "/entries")
        .then();
  }

  static ValidatableResponse get(String subject, String path) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .get(path)
        .then();
  }

  long count(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long entries(String applicationId) {
    return count(
        "SELECT count(*) FROM experience_entry WHERE application_id = ?",
        UUID.fromString(applicationId));
  }

  // ------------------------------------------------------------------ applications

  @Test
  void draftReadListAndDelete() {
    String subject = specialist();
    ValidatableResponse created =
        create(subject, Map.of("requirementKind", PRACTICAL))
            .statusCode(201)
            .body("status", equalTo("DRAFT"))
            .body("requirementKind", equalTo(PRACTICAL))
            .body("cycleStartsOn", equalTo(start().toString()))
            .body("renewalDueOn", equalTo(RenewalCalendar.renewalDue(start()).toString()))
            .body("entries", hasSize(0));
    String id = created.extract().path("id");
    assertTrue(created.extract().header("Location").endsWith(APPLICATIONS + "/" + id));

    get(subject, APPLICATIONS + "/" + id).statusCode(200).body("id", equalTo(id));
    get(subject, MINE)
        .statusCode(200)
        .body("items.id", contains(id))
        .body("items[0].entryCount", equalTo(0))
        .body("next", nullValue());

    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .delete(APPLICATIONS + "/" + id)
        .then()
        .statusCode(204);
    get(subject, APPLICATIONS + "/" + id).statusCode(404);
    get(subject, MINE).statusCode(200).body("items", hasSize(0));
  }

  @Test
  void idempotencyKeyReplaysTheCreate() {
    String subject = specialist();
    String key = UUID.randomUUID().toString();
    String first = createWithKey(subject, key).statusCode(201).extract().path("id");
    createWithKey(subject, key)
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first));
    // Without the key, a second draft for the same requirement is refused.
    create(subject, Map.of("requirementKind", PRACTICAL))
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/application-exists"))
        .body("applicationId", equalTo(first));
  }

  @Test
  void onlyTheSubstitutableMissingRequirementBeforeTheDueDate() {
    String subject = specialist();
    create(subject, Map.of("requirementKind", "online-course"))
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/requirement-not-substitutable"))
        .body("violations.field", contains("requirementKind"));
    create(subject, Map.of("requirementKind", "no-such-kind"))
        .statusCode(400)
        .body("violations.field", contains("requirementKind"));
    create(freshSubject(), Map.of("requirementKind", PRACTICAL))
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/no-current-cycle"));

    String done = freshSubject();
    String number = registered(dataSource, done, start());
    importRecords(
            IMPORT_COMPLETIONS,
            List.of(completionRecord(number, start(), PRACTICAL, "実践講習", start().plusDays(50))))
        .statusCode(200)
        .body("rejected", equalTo(0));
    create(done, Map.of("requirementKind", PRACTICAL))
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/requirement-done"));

    String late = freshSubject();
    registered(dataSource, late, RenewalCalendar.today(TestClock.CLOCK).minusDays(1065));
    create(late, Map.of("requirementKind", PRACTICAL))
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/renewal-due-date-passed"));
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM application WHERE specialist_subject IN (?, ?, ?)",
            subject,
            done,
            late));
  }

  @Test
  void anotherSpecialistsApplicationIsNotFound() {
    String owner = specialist();
    String id = draft(owner);
    String entryId = addEntry(owner, id, entry(), true).statusCode(201).extract().path("id");
    String other = specialist();
    get(other, APPLICATIONS + "/" + id).statusCode(404);
    get(other, APPLICATIONS + "/" + id + "/entries/" + entryId).statusCode(404);
    addEntry(other, id, entry(), true).statusCode(404);
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", other))
        .header("If-Match", "\"0\"")
        .contentType(ContentType.JSON)
        .body(entry())
        .put(APPLICATIONS + "/" + id + "/entries/" + entryId)
        .then()
        .statusCode(404);
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", other))
        .delete(APPLICATIONS + "/" + id + "/entries/" + entryId)
        .then()
        .statusCode(404);
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", other))
        .delete(APPLICATIONS + "/" + id)
        .then()
        .statusCode(404);
    get(other, MINE).statusCode(200).body("items", hasSize(0));
    get(owner, APPLICATIONS + "/" + id).statusCode(200).body("entries", hasSize(1));
    get(owner, APPLICATIONS + "/" + UUID.randomUUID()).statusCode(404);
    rejectedNaming(owner, APPLICATIONS + "/not-a-uuid", "id");
  }

  @Test
  void myApplicationsArePaged() throws Exception {
    String subject = freshSubject();
    String number = registered(dataSource, subject, start());
    // Drafts of different requirements need several substitutable kinds; instead insert three
    // drafts of older cycles directly, as later sections' submitted applications would be.
    List<String> ids = new ArrayList<>();
    ids.add(draft(subject));
    try (Connection c = dataSource.getConnection()) {
      for (int i = 1; i <= 2; i++) {
        UUID cycle = UUID.randomUUID();
        LocalDate old = start().minusYears(3L * i);
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO cycle (id, registration_number, starts_on, expires_on, renewal_due_on,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, now())")) {
          s.setObject(1, cycle);
          s.setString(2, number);
          s.setObject(3, old);
          s.setObject(4, RenewalCalendar.expiry(old));
          s.setObject(5, RenewalCalendar.renewalDue(old));
          s.executeUpdate();
        }
        UUID id = UUID.randomUUID();
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO application (id, cycle_id, requirement_kind, specialist_subject,"
                    + " status, created_at, updated_at)"
                    + " VALUES (?, ?, 'practical-course', ?, 'DRAFT', now() - ?::interval,"
                    + " now())")) {
          s.setObject(1, id);
          s.setObject(2, cycle);
          s.setString(3, subject);
          s.setString(4, i + " days");
          s.executeUpdate();
        }
        ids.add(id.toString());
      }
    }
    ValidatableResponse first =
        get(subject, MINE + "?limit=2")
            .statusCode(200)
            .body("items.id", contains(ids.get(0), ids.get(1)));
    String next = first.extract().path("next");
    get(subject, next)
        .statusCode(200)
        .body("items.id", contains(ids.get(2)))
        .body("next", nullValue());
    rejectedNaming(subject, MINE + "?cursor=garbage", "cursor");
    rejectedNaming(subject, MINE + "?limit=0", "limit");
  }

  private static ValidatableResponse createWithKey(String subject, String key) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(Map.of("requirementKind", PRACTICAL))
        .post(APPLICATIONS)
        .then();
  }

  /** A GET the contract forbids on purpose: a 400 problem naming exactly that field. */
  private static void rejectedNaming(String subject, String path, String field) {
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("specialist", subject))
        .get(path)
        .then()
        .statusCode(400)
        .body("violations.field", contains(field));
  }

  // ------------------------------------------------------------------ entries

  @Test
  void addReadReplaceAndRemoveAnEntry() {
    String subject = specialist();
    String id = draft(subject);
    Map<String, Object> body = entry();
    ValidatableResponse added =
        addEntry(subject, id, body, true)
            .statusCode(201)
            .header("ETag", "\"0\"")
            .body("syllabusItems", contains("3-5", "2-7"))
            .body("corporateNumber", equalTo("7000012050002"))
            .body("certifierEmailHint", equalTo("y…@example.jp"))
            .body("$", not(org.hamcrest.Matchers.hasKey("certifierEmail")))
            .body("$", not(org.hamcrest.Matchers.hasKey("sharedDescription")));
    String entryId = added.extract().path("id");
    String path = APPLICATIONS + "/" + id + "/entries/" + entryId;
    get(subject, path)
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("title", equalTo(body.get("title")));
    get(subject, APPLICATIONS + "/" + id).statusCode(200).body("entries.id", contains(entryId));
    get(subject, MINE).statusCode(200).body("items[0].entryCount", equalTo(1));

    Map<String, Object> changed = new HashMap<>(body);
    changed.put("syllabusItems", List.of("2-7", "3-5", "1-6"));
    changed.put("title", "境界設定の見直し（改）");
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("specialist", subject))
        .contentType(ContentType.JSON)
        .body(changed)
        .put(path)
        .then()
        .statusCode(428);
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .header("If-Match", "\"0\"")
        .contentType(ContentType.JSON)
        .body(changed)
        .put(path)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("syllabusItems", contains("2-7", "3-5", "1-6"))
        .body("title", equalTo("境界設定の見直し（改）"));
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .header("If-Match", "\"0\"")
        .contentType(ContentType.JSON)
        .body(changed)
        .put(path)
        .then()
        .statusCode(412);

    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .delete(path)
        .then()
        .statusCode(204);
    get(subject, path).statusCode(404);
    assertEquals(0, entries(id));
  }

  static Map<String, Object> with(String field, Object value) {
    Map<String, Object> e = entry();
    e.put(field, value);
    return e;
  }

  @Test
  void badFieldsAreNamedAndNothingIsStored() {
    String subject = specialist();
    String id = draft(subject);
    LocalDate cycleStart = start();
    record Case(Map<String, Object> body, String field) {}
    List<Case> cases =
        List.of(
            new Case(with("syllabusItems", List.of("1-1", "9-9")), "syllabusItems[1]"),
            new Case(with("syllabusItems", List.of("1-1", "x")), "syllabusItems[1]"),
            new Case(with("syllabusItems", List.of("1-1", "1-1")), "syllabusItems[1]"),
            new Case(with("syllabusItems", List.of()), "syllabusItems"),
            new Case(with("title", " "), "title"),
            new Case(with("description", "短すぎる説明"), "description"),
            new Case(with("description", "あ".repeat(4001)), "description"),
            new Case(with("periodFrom", cycleStart.minusDays(1).toString()), "periodFrom"),
            new Case(
                with("periodTo", RenewalCalendar.today(TestClock.CLOCK).plusDays(1).toString()),
                "periodTo"),
            new Case(with("periodTo", cycleStart.plusDays(5).toString()), "periodTo"),
            new Case(with("corporateNumber", "6000012050002"), "corporateNumber"),
            new Case(with("corporateNumber", "700001205000"), "corporateNumber"),
            new Case(with("certifierEmail", "not-an-address"), "certifierEmail"),
            new Case(with("certifierName", null), "certifierName"),
            new Case(with("applicantRole", "あ".repeat(201)), "applicantRole"),
            new Case(with("certifierRelation", "FRIEND"), "certifierRelation"),
            new Case(with("certifierRelation", null), "certifierRelation"),
            new Case(with("unknown", "x"), "unknown"));
    for (Case c : cases) {
      addEntry(subject, id, c.body(), false)
          .statusCode(400)
          .contentType("application/problem+json")
          .body("violations.field", hasItem(c.field()));
    }
    addEntry(subject, id, with("periodFrom", "2024-13-01"), false)
        .statusCode(400)
        .body("violations.field", hasItem("periodFrom"));
    assertEquals(0, entries(id));
    get(subject, APPLICATIONS + "/" + id).statusCode(200).body("entries", hasSize(0));
  }

  @Test
  void aCopyOfAPublishedExampleIsRefusedNamingIt() {
    String subject = specialist();
    String id = draft(subject);
    String example =
        given()
            .filter(Contracts.validator())
            .header("Authorization", bearer("ipa-admin", "ipa-admin-1"))
            .get(BASE + "/examples/" + EXAMPLE_4)
            .then()
            .statusCode(200)
            .extract()
            .path("text");
    // Width and punctuation changes do not hide the copy.
    String disguised = example.replace("、", " ").replace("。", "．") + "（自分で書きました）";
    addEntry(subject, id, entry(disguised), true)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/copies-example"))
        .body("example.id", equalTo(EXAMPLE_4))
        .body("example.area", equalTo(4))
        .body("similarity", notNullValue())
        .body("violations.field", contains("description"))
        .body("detail", not(org.hamcrest.Matchers.containsString("7000012050002")));
    assertEquals(0, entries(id));

    // An entry already stored cannot be changed into a copy either.
    String entryId = addEntry(subject, id, entry(), true).statusCode(201).extract().path("id");
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .header("If-Match", "\"0\"")
        .contentType(ContentType.JSON)
        .body(entry(example))
        .put(APPLICATIONS + "/" + id + "/entries/" + entryId)
        .then()
        .statusCode(422)
        .body("example.id", equalTo(EXAMPLE_4));
    get(subject, APPLICATIONS + "/" + id + "/entries/" + entryId)
        .statusCode(200)
        .header("ETag", "\"0\"");
  }

  boolean shared(String entryId) {
    return count(
            "SELECT count(*) FROM experience_entry WHERE id = ? AND shared_description",
            UUID.fromString(entryId))
        == 1;
  }

  @Test
  void theSameDescriptionByDifferentApplicantsIsFlaggedSilently() {
    String text = description(UUID.randomUUID().toString());
    String a = specialist();
    String applicationA = draft(a);
    String first =
        addEntry(a, applicationA, entry(text), true).statusCode(201).extract().path("id");
    // The same applicant reusing their own text is not flagged.
    String again =
        addEntry(a, applicationA, entry(text), true).statusCode(201).extract().path("id");
    assertFalse(shared(first));
    assertFalse(shared(again));

    String b = specialist();
    String applicationB = draft(b);
    // Another applicant, the same text up to width and punctuation.
    String copied =
        addEntry(b, applicationB, entry(text.replace("、", "，").replace("。", " ")), true)
            .statusCode(201)
            .body("$", not(org.hamcrest.Matchers.hasKey("sharedDescription")))
            .extract()
            .path("id");
    assertTrue(shared(copied));
    assertTrue(shared(first));
    assertTrue(shared(again));
    // The other applicant's draft was not changed under them: their ETag still holds.
    get(a, APPLICATIONS + "/" + applicationA + "/entries/" + first).header("ETag", "\"0\"");

    // Rewritten in their own words, the entry is no longer flagged.
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", b))
        .header("If-Match", "\"0\"")
        .contentType(ContentType.JSON)
        .body(entry(description(UUID.randomUUID().toString())))
        .put(APPLICATIONS + "/" + applicationB + "/entries/" + copied)
        .then()
        .statusCode(200);
    assertFalse(shared(copied));
  }
}
