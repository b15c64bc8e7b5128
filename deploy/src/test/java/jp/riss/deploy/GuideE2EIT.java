package jp.riss.deploy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The practical guide end to end, through the gateway only, with tokens from deploy/local/token:
 * Step 2 in Japanese and English, search in both, a draft edited, approved and published, the diff,
 * and guide.version.v1 on the local broker; an organisation's diagnoses, plan and history, counted
 * in the Active List's demand statistics.
 */
@ExtendWith(LocalStack.class)
class GuideE2EIT {

  private static final String API = "/api/v1/guide";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  /**
   * Issue 14: a company creates its organisation and diagnoses (Step 2); the gap's closers include
   * a registered specialist of its prefecture; it plans and completes an action. A year later (the
   * guide's clock moved through its management port) re-diagnosis is due and proposed; it diagnoses
   * again (Step 3) and sees the history. The Active List's monthly demand statistics count both
   * months' diagnoses (five each, so neither cell is suppressed) by prefecture and theme.
   */
  @Test
  void diagnosesThroughTheGuideReachTheActiveListDemandStatistics() {
    String company = LocalStack.token("company", "e2e-company-" + UUID.randomUUID());
    String reviewer = LocalStack.token("ipa-reviewer", "e2e-stats-reviewer");
    String admin = LocalStack.token("ipa-admin", "e2e-guide-admin");
    // Tokyo: the demo data publishes listings of specialists working there on theme 1.
    String prefecture = "13";
    YearMonth month = YearMonth.now(JAPAN);
    YearMonth yearLater = month.plusYears(1);
    String stats =
        "/api/v1/active-list/statistics/demand/monthly?from=" + month + "&to=" + yearLater;
    long before = demand(reviewer, stats, month, prefecture, 1);
    long beforeYearLater = demand(reviewer, stats, yearLater, prefecture, 1);

    Map<String, Object> org = new java.util.HashMap<>();
    org.put("name", "E2E 東京工業");
    org.put("prefecture", prefecture);
    org.put("jsicDivision", "E");
    org.put("employeeBand", "6-20");
    org.put("securityStaff", Map.of("concurrent", 2, "dedicated", 0));
    org.put("statisticsConsent", true);
    String id =
        given()
            .header("Authorization", "Bearer " + company)
            .contentType(ContentType.JSON)
            .body(org)
            .post(API + "/organisations")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    List<String> items =
        given()
            .get(API + "/instruments/sme-self-check/versions/2025-1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.id");
    // Basic policy missing (theme 1): Step 2.
    JsonPath first = diagnose(company, id, items, Map.of("o01", "no"));
    assertEquals(2, first.getInt("placedStep"));
    JsonPath gaps =
        given()
            .header("Authorization", "Bearer " + company)
            .get(API + "/diagnoses/" + first.getString("id") + "/gaps")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("basic-policy", gaps.getString("items[0].gapCode"));
    String closers = gaps.getString("items[0].closers.more");
    assertTrue(closers.contains("prefecture=" + prefecture), closers);
    // Who closes it: among others a registered specialist working in the organisation's
    // prefecture, from the Active List's published listings (the guide's read model may lag).
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                given()
                    .urlEncodingEnabled(false)
                    .get(closers)
                    .then()
                    .statusCode(200)
                    .body("gap.code", equalTo("basic-policy"))
                    .body(
                        "closers.find { it.kind == 'specialist' }.specialists.findAll { it.match"
                            + " == 'prefecture' && it.prefectures.contains('"
                            + prefecture
                            + "') }.size()",
                        greaterThan(0)));
    JsonPath plan =
        given()
            .header("Authorization", "Bearer " + company)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "diagnosisId", first.getString("id"),
                    "gaps", List.of("basic-policy"),
                    "actions",
                        List.of(
                            Map.of(
                                "description", "基本方針を作る", "owner", "社長", "dueOn", "2099-01-01"))))
            .post(API + "/organisations/" + id + "/action-plans")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    given()
        .header("Authorization", "Bearer " + company)
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post(
            API
                + "/action-plans/"
                + plan.getString("id")
                + "/actions/"
                + plan.getString("actions[0].id")
                + "/done")
        .then()
        .statusCode(200);
    // Four more with the policy partly in place (still Step 2), so theme 1 in the prefecture gets
    // five diagnoses this month: enough not to be suppressed.
    for (int i = 0; i < 4; i++) {
      diagnose(company, id, items, Map.of("o01", "partly"));
    }
    LocalDate dueOn = LocalDate.parse(history(company, id).getString("rediagnosisDueOn"));
    assertEquals(LocalDate.now(JAPAN).plusMonths(12), dueOn);

    // A year passes for the guide, whose time the scenario is about (the diagnoses' times decide
    // the statistics months). The Active List keeps real time: moved, its hourly staleness run
    // would delist the shared demo listings the other E2E tests read (docs/clock.md).
    StackClock guide = StackClock.of("practical-guide-service");
    try {
      LocalDate today = guide.advance("P1Y");
      assertEquals(dueOn, today, "a year on, re-diagnosis is due today");
      // The daily proposal run, as the schedule calls it: re-diagnosis is proposed, due today.
      JsonPath run =
          given()
              .header("Authorization", "Bearer " + admin)
              .post(API + "/rediagnosis-reminders/run")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertEquals(today.toString(), run.getString("today"));
      assertEquals(
          dueOn.toString(), run.getString("sent.find { it.organisationId == '" + id + "' }.dueOn"));

      // Everything of Step 2 in place, no dedicated person: Step 3; contractors' security
      // (themes 6 and 1) partly done, so theme 1 counts again, in the later month.
      Map<String, String> stepThree = Map.of("o06", "partly");
      JsonPath again = diagnose(company, id, items, stepThree);
      assertEquals(3, again.getInt("placedStep"));
      assertEquals(yearLater, YearMonth.from(OffsetDateTime.parse(again.getString("completedAt"))));
      for (int i = 0; i < 4; i++) {
        diagnose(company, id, items, stepThree);
      }
      JsonPath history = history(company, id);
      assertEquals(10, history.getList("steps").size());
      assertEquals(2, history.getInt("steps[0].placedStep"));
      assertEquals(2, history.getInt("steps[4].placedStep"));
      assertEquals(3, history.getInt("steps[5].placedStep"));
      assertEquals("up", history.getString("steps[5].move"));
      assertEquals(1, history.getList("done").size());
      assertEquals(today.plusMonths(12).toString(), history.getString("rediagnosisDueOn"));
    } finally {
      guide.reset();
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                demand(reviewer, stats, month, prefecture, 1) >= before + 5
                    && demand(reviewer, stats, yearLater, prefecture, 1) >= beforeYearLater + 5);
  }

  private static JsonPath history(String token, String organisation) {
    return given()
        .header("Authorization", "Bearer " + token)
        .get(API + "/organisations/" + organisation + "/history")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The theme's diagnoses in the cell; a suppressed or absent cell counts as 0. */
  private static long demand(
      String token, String path, YearMonth month, String prefecture, int theme) {
    JsonPath stats =
        given()
            .header("Authorization", "Bearer " + token)
            .get(path)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Object n =
        stats.get(
            "items.find { it.month == '"
                + month
                + "' && it.prefecture == '"
                + prefecture
                + "' && it.theme == "
                + theme
                + " }.diagnoses");
    return n == null ? 0 : ((Number) n).longValue();
  }

  private static JsonPath diagnose(
      String token, String organisation, List<String> items, Map<String, String> except) {
    Map<String, String> answers = new java.util.LinkedHashMap<>();
    items.forEach(i -> answers.put(i, "yes"));
    answers.putAll(except);
    return given()
        .header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "instrument",
                "sme-self-check",
                "instrumentVersion",
                "2025-1",
                "facts",
                List.of("usesWireless", "remoteWork", "outsources"),
                "answers",
                answers))
        .post(API + "/organisations/" + organisation + "/diagnoses")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  @Test
  void readSearchEditApprovePublishDiffAndEvent() {
    String admin = LocalStack.token("ipa-admin", "e2e-guide-editor");
    String reviewer = LocalStack.token("ipa-reviewer", "e2e-guide-reviewer");

    given()
        .get(API + "/versions/beta-2025-05/steps/2")
        .then()
        .statusCode(200)
        .header("Content-Language", "ja")
        .body("name", equalTo("組織的な取組"))
        .body("elements.key", hasItem("step2.measure.basic-policy"));
    given()
        .header("Accept-Language", "en")
        .get(API + "/versions/beta-2025-05/steps/2")
        .then()
        .statusCode(200)
        .header("Content-Language", "en")
        .body("name", equalTo("Organised effort"));
    given()
        .queryParam("q", "基本方針")
        .get(API + "/search")
        .then()
        .statusCode(200)
        .body("items[0].element.key", equalTo("step2.measure.basic-policy"));
    given()
        .queryParam("q", "basic policy")
        .queryParam("lang", "en")
        .get(API + "/search")
        .then()
        .statusCode(200)
        .body("items.element.key", hasItem("step2.measure.basic-policy"))
        .body("items[0].matchedIn", equalTo(List.of("en")));

    String code = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    String version = API + "/versions/" + code;
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(Map.of("code", code, "basedOn", "current"))
        .post(API + "/versions")
        .then()
        .statusCode(201)
        .body("state", equalTo("draft"));
    String element = version + "/elements/step2.measure.assess-state";
    String etag =
        given().auth().oauth2(admin).get(element).then().statusCode(200).extract().header("ETag");
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(
            Map.of(
                "en",
                Map.of(
                    "state",
                    "reviewed",
                    "title",
                    "Know where you stand",
                    "text",
                    // The edition's code makes the text new against whatever version is current,
                    // so the published event counts one change on a stack that earlier runs used.
                    "Find out how far the company's security measures are in place today ("
                        + code
                        + ").")))
        .patch(element)
        .then()
        .statusCode(200)
        .body("enState", equalTo("reviewed"));

    given()
        .auth()
        .oauth2(admin)
        .header("If-Match", etagOf(admin, version))
        .post(version + "/submit")
        .then()
        .statusCode(200)
        .body("state", equalTo("review"));
    given()
        .auth()
        .oauth2(reviewer)
        .header("If-Match", etagOf(reviewer, version))
        .post(version + "/approve")
        .then()
        .statusCode(200);
    long since = System.currentTimeMillis();
    given()
        .auth()
        .oauth2(admin)
        .header("If-Match", etagOf(admin, version))
        .post(version + "/publish")
        .then()
        .statusCode(200)
        .body("state", equalTo("published"))
        .body("current", equalTo(true));

    JsonPath diff =
        given()
            .queryParam("from", "beta-2025-05")
            .get(version + "/diff")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(diff.getList("items.key").contains("step2.measure.assess-state"));
    assertEquals(
        List.of("en.state", "en.title", "en.text"),
        diff.getList("items.find { it.key == 'step2.measure.assess-state' }.fields"));
    given()
        .header("Accept-Language", "en")
        .get(API + "/versions/current/elements/step2.measure.assess-state")
        .then()
        .statusCode(200)
        .body("title", equalTo("Know where you stand"));

    JsonNode event = awaitEvent(code, since);
    assertEquals("jp.riss.guide.version-published", event.path("type").asText());
    assertEquals(1, event.path("data").path("changes").path("changed").asInt());
  }

  private static String etagOf(String token, String path) {
    return given().auth().oauth2(token).get(path).then().statusCode(200).extract().header("ETag");
  }

  /** Reads guide.version.v1 on the local broker from shortly before publishing. */
  private static JsonNode awaitEvent(String code, long since) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<JsonNode> found = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                if (consumer.assignment().isEmpty()) {
                  List<TopicPartition> partitions =
                      consumer.partitionsFor("guide.version.v1", Duration.ofSeconds(5)).stream()
                          .map(p -> new TopicPartition(p.topic(), p.partition()))
                          .toList();
                  if (partitions.isEmpty()) {
                    return false;
                  }
                  consumer.assign(partitions);
                  Map<TopicPartition, Long> times = new java.util.HashMap<>();
                  partitions.forEach(p -> times.put(p, since - 60_000));
                  consumer
                      .offsetsForTimes(times)
                      .forEach(
                          (p, offset) -> {
                            if (offset != null) {
                              consumer.seek(p, offset.offset());
                            } else {
                              // Nothing that recent yet: the topic is small, read it from the
                              // start.
                              consumer.seekToBeginning(List.of(p));
                            }
                          });
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                  if (code.equals(r.key())) {
                    found.add(JSON.readTree(r.value()));
                  }
                }
                return !found.isEmpty();
              });
    }
    return found.get(0);
  }
}
