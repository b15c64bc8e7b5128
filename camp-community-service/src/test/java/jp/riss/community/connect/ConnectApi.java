package jp.riss.community.connect;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;

/** Drives Camp Connect as the camp office, reviewers, sponsors and applicants do. */
final class ConnectApi {

  static final String CALLS = CommunityApi.BASE + "/connect-calls";
  static final String APPS = CommunityApi.BASE + "/connect-applications";
  static final ZoneOffset JST = ZoneOffset.ofHours(9);
  static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  /**
   * Fiscal years for this run's Connect editions (the schema starts empty every run; the edition
   * test picks years from 2030 on).
   */
  private static final AtomicInteger YEAR = new AtomicInteger(2001);

  private ConnectApi() {}

  static int freshYear() {
    return YEAR.getAndIncrement();
  }

  static String edition(int year, String stage, int capacity) {
    Map<String, Object> e = new HashMap<>();
    e.put("programme", "connect");
    e.put("fiscalYear", year);
    e.put("stage", stage);
    e.put("startsOn", year + "-09-01");
    e.put("endsOn", year + "-09-05");
    e.put("format", "both");
    e.put("capacity", capacity);
    e.put("eligibilityReferenceDate", year + "-04-01");
    return CommunityApi.office()
        .contentType(ContentType.JSON)
        .body(e)
        .post(CommunityApi.BASE + "/editions")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static Map<String, Object> theme(String code, String axis, int capacity) {
    return Map.of("code", code, "axis", axis, "title", "テーマ " + code, "capacity", capacity);
  }

  static Map<String, Object> callBody(
      String editionId,
      OffsetDateTime opens,
      OffsetDateTime closes,
      List<Map<String, Object>> themes) {
    Map<String, Object> c = new HashMap<>();
    c.put("editionId", editionId);
    c.put("title", "セキュリティ・キャンプ コネクト 募集");
    c.put("eligibility", "一定水準のセキュリティの知見と、他の専門領域の高度な知見を持つ学生");
    c.put("opensAt", RFC3339.format(opens));
    c.put("closesAt", RFC3339.format(closes));
    c.put("rubricVersion", "2025-1");
    c.put("themes", themes);
    return c;
  }

  static JsonPath createCall(Map<String, Object> body) {
    return CommunityApi.office()
        .contentType(ContentType.JSON)
        .body(body)
        .post(CALLS)
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(JST);
  }

  /** A main-event call open now, on a fresh edition of this capacity, one theme per capacity. */
  static JsonPath openCall(int editionCapacity, int... themeCapacities) {
    List<Map<String, Object>> themes = new ArrayList<>();
    String[] axes = {"technology", "industry", "social-science"};
    for (int i = 0; i < themeCapacities.length; i++) {
      themes.add(theme("theme-" + (i + 1), axes[i % 3], themeCapacities[i]));
    }
    String edition = edition(freshYear(), "main", editionCapacity);
    return createCall(callBody(edition, now().minusHours(1), now().plusDays(7), themes));
  }

  static RequestSpecification reviewerAs(String subject) {
    return CommunityApi.as("connect-reviewer", subject);
  }

  /** Assigns a fresh reviewer to the call and returns their token subject. */
  static String reviewer(String callId) {
    String subject = CommunityApi.fresh("reviewer");
    CommunityApi.office()
        .contentType(ContentType.JSON)
        .body(Map.of("subject", subject, "displayName", "審査 " + subject.substring(9, 13)))
        .post(CALLS + "/" + callId + "/reviewers")
        .then()
        .statusCode(200);
    return subject;
  }

  static Map<String, Object> application(String themeId) {
    return Map.of(
        "themeId", themeId,
        "schoolKind", "kosen",
        "motivation", "制御システムのセキュリティを学びたい。",
        "expertise", "電力系統の制御を研究しています。");
  }

  static String apply(Person p, String callId, String themeId) {
    return CommunityApi.member(p)
        .contentType(ContentType.JSON)
        .body(application(themeId))
        .post(CALLS + "/" + callId + "/applications")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static List<Map<String, Object>> scores(int each) {
    return List.of(
        Map.of("criterion", "security-knowledge", "score", each),
        Map.of("criterion", "field-expertise", "score", each),
        Map.of("criterion", "bridging", "score", each),
        Map.of("criterion", "collaboration", "score", each));
  }

  static void score(String reviewer, String applicationId, int each) {
    reviewerAs(reviewer)
        .contentType(ContentType.JSON)
        .body(Map.of("scores", scores(each), "comment", "よく書けている"))
        .put(APPS + "/" + applicationId + "/reviews/me")
        .then()
        .statusCode(200);
  }

  static RequestSpecification decision(String outcome, int rank) {
    return CommunityApi.office()
        .contentType(ContentType.JSON)
        .body(Map.of("outcome", outcome, "rank", rank));
  }

  static String themeId(JsonPath call, int index) {
    return call.getString("themes[" + index + "].id");
  }
}
