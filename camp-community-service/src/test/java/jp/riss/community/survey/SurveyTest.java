package jp.riss.community.survey;

import static jp.riss.community.CommunityApi.BASE;
import static jp.riss.community.CommunityApi.member;
import static jp.riss.community.CommunityApi.office;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Surveys: once per member, aggregates only with small cells suppressed, anonymity kept. */
@QuarkusTest
class SurveyTest {

  static final String SURVEYS = BASE + "/surveys";

  @Inject EntityManager em;

  static String at(OffsetDateTime t) {
    return t.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  static Map<String, Object> survey(boolean anonymous) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9));
    Map<String, Object> s = new HashMap<>();
    s.put("title", "2025年度 講義評価アンケート " + CommunityApi.fresh("s"));
    s.put("anonymous", anonymous);
    s.put("opensAt", at(now.minusHours(1)));
    s.put("closesAt", at(now.plusDays(14)));
    s.put("audience", Map.of("minAgeBand", "junior"));
    s.put(
        "questions",
        List.of(
            Map.of(
                "kind",
                "single-choice",
                "text",
                "もう一度受けたい講義は？",
                "options",
                List.of("マルウェア解析の基礎と応用", "プロダクト開発を攻撃者の視点で捉える")),
            Map.of(
                "kind",
                "multiple-choice",
                "text",
                "参加しやすい形式は？",
                "options",
                List.of("対面", "オンライン", "録画")),
            Map.of("kind", "scale", "text", "満足度"),
            Map.of("kind", "free-text", "text", "ご意見", "required", false)));
    return s;
  }

  static Map<String, Object> answers(int lecture, int scale, String text) {
    List<Map<String, Object>> a = new ArrayList<>();
    a.add(Map.of("question", 1, "choices", List.of(lecture)));
    a.add(Map.of("question", 2, "choices", List.of(1, 2)));
    a.add(Map.of("question", 3, "scale", scale));
    if (text != null) {
      a.add(Map.of("question", 4, "text", text));
    }
    return Map.of("answers", a);
  }

  static String create(Map<String, Object> body) {
    return office()
        .contentType(ContentType.JSON)
        .body(body)
        .post(SURVEYS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static void respond(String survey, Person p, Map<String, Object> answers, int status) {
    member(p)
        .contentType(ContentType.JSON)
        .body(answers)
        .post(SURVEYS + "/" + survey + "/responses")
        .then()
        .statusCode(status);
  }

  @Test
  void anonymousResultsAreAggregatesWithSmallCellsSuppressed() {
    String id = create(survey(true));
    List<Person> adults = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      adults.add(CommunityApi.enrolled(30 + i));
    }
    // Six choose lecture 1, nobody lecture 2: lecture 2's zero is a small cell too.
    for (int i = 0; i < 6; i++) {
      respond(id, adults.get(i), answers(1, i < 5 ? 5 : 3, "テキスト" + (char) ('F' - i)), 201);
    }
    respond(id, adults.get(0), answers(1, 5, null), 409);
    Person withoutScope = CommunityApi.minorWith(16, "membership");
    member(withoutScope)
        .get(SURVEYS)
        .then()
        .statusCode(403)
        .body("missingScope", equalTo("surveys"));
    respond(id, withoutScope, answers(2, 1, null), 403);
    Person minor = CommunityApi.minorWith(16, "membership", "surveys");
    member(minor)
        .get(SURVEYS + "/" + id)
        .then()
        .statusCode(200)
        .body("answeredByMe", equalTo(false));
    respond(id, minor, answers(2, 1, null), 201);
    office()
        .get(SURVEYS + "/" + id + "/results")
        .then()
        .statusCode(200)
        .body("respondents", equalTo(7))
        .body("questions[0].options.count", contains(6, null))
        .body("questions[1].options.count", contains(7, 7, null))
        .body("questions[2].scale", contains(null, null, null, null, 5))
        .body("questions[2].mean", equalTo(4.14f))
        .body("questions[3].answered", equalTo(6))
        .body("questions[3].texts", contains("テキストA", "テキストB", "テキストC", "テキストD", "テキストE", "テキストF"));
    // Nothing stored ties an anonymous answer to anyone.
    long named =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "SELECT count(*) FROM survey_response WHERE survey_id = ?1"
                                        + " AND person_id IS NOT NULL")
                                .setParameter(1, java.util.UUID.fromString(id))
                                .getSingleResult())
                        .longValue());
    assertEquals(0, named);
  }

  @Test
  void underFiveRespondentsShowNoFiguresAtAll() {
    String id = create(survey(false));
    for (int i = 0; i < 4; i++) {
      respond(id, CommunityApi.enrolled(40 + i), answers(1, 4, "少人数"), 201);
    }
    office()
        .get(SURVEYS + "/" + id + "/results")
        .then()
        .statusCode(200)
        .body("respondents", nullValue())
        .body("questions[0].options.count", contains(null, null))
        .body("questions[2].mean", nullValue())
        .body("questions[3].texts", nullValue());
  }

  @Test
  void answersAreCheckedAgainstTheirQuestionsNamingEveryFault() {
    String id = create(survey(true));
    Person p = CommunityApi.enrolled(33);
    CommunityApi.lenient(p.token())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "answers",
                List.of(
                    Map.of("question", 1, "choices", List.of(1, 2)),
                    Map.of("question", 2, "choices", List.of(4)),
                    Map.of("question", 3, "scale", 6),
                    Map.of("question", 4, "scale", 3))))
        .post(SURVEYS + "/" + id + "/responses")
        .then()
        .statusCode(400)
        .body(
            "violations.field",
            containsInAnyOrder(
                "answers[0].choices",
                "answers[1].choices[0]",
                "answers[2].scale",
                "answers[3].scale",
                "answers[3].text"));
    Map<String, Object> bad = survey(true);
    bad.put("title", "");
    bad.put("closesAt", "2020-01-01T00:00:00+09:00");
    bad.put(
        "questions",
        List.of(
            Map.of("kind", "single-choice", "text", "一つだけ", "options", List.of("a")),
            Map.of("kind", "ranking", "text", "順位")));
    bad.put("audience", Map.of("minAgeBand", "baby"));
    CommunityApi.lenient(Tokens.of("camp-office", "o"))
        .contentType(ContentType.JSON)
        .body(bad)
        .post(SURVEYS)
        .then()
        .statusCode(400)
        .body(
            "violations.field",
            containsInAnyOrder(
                "title",
                "closesAt",
                "audience.minAgeBand",
                "questions[0].options",
                "questions[1].kind"));
    // Results are the camp office's; another member cannot read them.
    CommunityApi.lenient(p.token()).get(SURVEYS + "/" + id + "/results").then().statusCode(403);
  }

  @Test
  void aWorkshopNamesTheSurveyItsTopicCameFrom() {
    String survey = create(survey(true));
    Map<String, Object> workshop = jp.riss.community.event.EventTestData.workshop();
    workshop.put("topicSurveyId", survey);
    office()
        .contentType(ContentType.JSON)
        .body(workshop)
        .post(BASE + "/events")
        .then()
        .statusCode(201)
        .body("topicSurveyId", equalTo(survey));
    workshop.put("kind", "exchange");
    CommunityApi.lenient(Tokens.of("camp-office", "o"))
        .contentType(ContentType.JSON)
        .body(workshop)
        .post(BASE + "/events")
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("topicSurveyId"));
  }
}
