package jp.riss.deemedattendance;

import static io.restassured.RestAssured.given;
import static jp.riss.deemedattendance.DeemedAttendanceApi.BASE;
import static jp.riss.deemedattendance.DeemedAttendanceApi.bearer;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.platform.testing.Contracts;

/**
 * A specialist's application from draft to submission, and IPA's decisions on it, through the API
 * the way the tests of review, audits and reminders need them.
 */
public final class Journeys {

  public static final String APPLICATIONS = BASE + "/applications";
  public static final String REVIEW = BASE + "/review";
  public static final String REVIEWER = "reviewer-" + UUID.randomUUID();
  private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]{43})");

  private Journeys() {}

  /** A specialist and the start of their cycle. */
  public record Specialist(String subject, String number, LocalDate start) {}

  public static Specialist specialist(AgroalDataSource dataSource, LocalDate start) {
    String subject = DeemedAttendanceApi.freshSubject();
    return new Specialist(
        subject, DeemedAttendanceApi.registered(dataSource, subject, start), start);
  }

  /** A start whose renewal due date is {@code days} after today (in Japan). */
  public static LocalDate startDue(int days) {
    LocalDate target = RenewalCalendar.today(TestClock.CLOCK).plusDays(days);
    LocalDate start = target.minusYears(3).plusDays(61);
    while (RenewalCalendar.renewalDue(start).isBefore(target)) {
      start = start.plusDays(1);
    }
    while (RenewalCalendar.renewalDue(start).isAfter(target)) {
      start = start.minusDays(1);
    }
    return start;
  }

  public static Map<String, Object> entry(String email, String relation) {
    Map<String, Object> e = new HashMap<>();
    LocalDate from = RenewalCalendar.today(TestClock.CLOCK).minusDays(300);
    e.put("syllabusItems", List.of("3-5", "2-7"));
    e.put("title", "拠点間ネットワークの境界設定の見直し");
    e.put(
        "description",
        "取引先の物流会社において、倉庫管理システムの更改に合わせて、拠点間を結ぶ閉域網とインターネット接続点の構成を調査した。"
            + "境界の装置で不要な通信が許可されたままであること、管理画面が外部から到達可能であることを確認し、通信の許可一覧を"
            + "業務単位に整理し直す計画を作成した。計画に沿って設定の変更を段階的に行い、変更の前後で業務の通信が途切れないことを"
            + "運用担当者と確かめた。結果として、外部から到達可能な管理画面は無くなり、許可一覧の規則数は半分以下に減った。識別子 "
            + UUID.randomUUID());
    e.put("periodFrom", from.toString());
    e.put("periodTo", from.plusDays(90).toString());
    e.put("organisationName", "国税庁");
    e.put("corporateNumber", "7000012050002");
    e.put("applicantRole", "ネットワーク設計の責任者");
    e.put("certifierName", "山田 太郎");
    e.put("certifierTitle", "情報システム部長");
    e.put("certifierEmail", email);
    e.put("certifierRelation", relation);
    return e;
  }

  public static String freshEmail() {
    return "certifier-" + UUID.randomUUID() + "@example.jp";
  }

  public static String draft(String subject) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .contentType(ContentType.JSON)
        .body(Map.of("requirementKind", "practical-course"))
        .post(APPLICATIONS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static String addEntry(String subject, String applicationId, Map<String, Object> entry) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .contentType(ContentType.JSON)
        .body(entry)
        .post(APPLICATIONS + "/" + applicationId + "/entries")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Requests attestation of the entry and has its certifier (the mailbox's newest) confirm it. */
  public static void attest(String subject, String applicationId, String entryId, String email) {
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .post(APPLICATIONS + "/" + applicationId + "/entries/" + entryId + "/attestation-requests")
        .then()
        .statusCode(202);
    String body =
        given()
            .filter(Contracts.validator())
            .header("Authorization", bearer("ipa-admin", "ipa-admin-1"))
            .queryParam("to", email)
            .get(BASE + "/dev/mailbox")
            .then()
            .statusCode(200)
            .extract()
            .path("items[0].body");
    Matcher m = TOKEN.matcher(body);
    if (!m.find()) {
      throw new AssertionError("no link in " + body);
    }
    given()
        .filter(Contracts.validator())
        .header("X-Attestation-Token", m.group(1))
        .contentType(ContentType.JSON)
        .body(Map.of("decision", "CONFIRMED"))
        .post(BASE + "/attestations/current")
        .then()
        .statusCode(200);
  }

  public static ValidatableResponse get(String subject, String path) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .get(path)
        .then();
  }

  public static ValidatableResponse submit(String subject, String applicationId) {
    String etag = get(subject, APPLICATIONS + "/" + applicationId).extract().header("ETag");
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(Map.of("declarationVersion", "2026-1"))
        .post(APPLICATIONS + "/" + applicationId + "/submission")
        .then();
  }

  /** A submitted application with one attested entry; answers its id. */
  public static String submitted(Specialist s, String relation) {
    String id = draft(s.subject());
    String email = freshEmail();
    String entryId = addEntry(s.subject(), id, entry(email, relation));
    attest(s.subject(), id, entryId, email);
    submit(s.subject(), id).statusCode(200);
    return id;
  }

  public static String reviewEtag(String applicationId) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("ipa-reviewer", REVIEWER))
        .get(REVIEW + "/applications/" + applicationId)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  public static ValidatableResponse decide(String applicationId, String ifMatch, Object body) {
    var request =
        given()
            // Leaving out the If-Match the contract requires is one of the cases sent on purpose.
            .filter(ifMatch == null ? Contracts.responseValidator() : Contracts.validator())
            .header("Authorization", bearer("ipa-reviewer", REVIEWER))
            .contentType(ContentType.JSON)
            .body(body);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.post(REVIEW + "/applications/" + applicationId + "/decisions").then();
  }

  public static void approve(String applicationId) {
    decide(applicationId, reviewEtag(applicationId), Map.of("decision", "APPROVED"))
        .statusCode(201);
  }

  public static void execute(AgroalDataSource dataSource, String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
