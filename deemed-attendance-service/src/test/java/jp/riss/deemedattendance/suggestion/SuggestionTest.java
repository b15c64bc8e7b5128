package jp.riss.deemedattendance.suggestion;

import static io.restassured.RestAssured.given;
import static jp.riss.deemedattendance.DeemedAttendanceApi.BASE;
import static jp.riss.deemedattendance.DeemedAttendanceApi.bearer;
import static jp.riss.deemedattendance.Journeys.APPLICATIONS;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.deemedattendance.Journeys;
import jp.riss.deemedattendance.Journeys.Specialist;
import jp.riss.deemedattendance.TestClock;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventJson;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventSchemas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Entries suggested from the Active List's completed engagements, from the real broker. */
@QuarkusTest
class SuggestionTest {

  static final String MINE = BASE + "/me/suggested-entries";

  @Inject AgroalDataSource dataSource;
  private EngagementEvents events;

  @BeforeEach
  void producer() {
    events = new EngagementEvents();
  }

  @AfterEach
  void close() {
    events.close();
  }

  long count(String sql, Object arg) throws Exception {
    return Long.parseLong(column(sql, arg).get(0));
  }

  void awaitCount(String sql, Object arg, long expected) {
    await().atMost(Duration.ofSeconds(10)).until(() -> count(sql, arg) == expected);
  }

  /** The first column of a query's rows, as text. */
  List<String> column(String sql, Object arg) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, arg);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
    }
    return values;
  }

  static ValidatableResponse mine(String subject) {
    return read(subject, MINE).statusCode(200);
  }

  /** A GET as the specialist, checked against the contract. */
  static ValidatableResponse read(String subject, String path) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .get(path)
        .then();
  }

  static ValidatableResponse copy(String subject, String applicationId, String suggestionId) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .contentType(ContentType.JSON)
        .body(Map.of("suggestionId", suggestionId))
        .post(APPLICATIONS + "/" + applicationId + "/entries/from-suggestion")
        .then();
  }

  @Test
  void aCompletedEngagementBecomesASuggestionOnceAndCopiesIntoADraft() throws Exception {
    Specialist s =
        Journeys.specialist(dataSource, RenewalCalendar.today(TestClock.CLOCK).minusDays(400));
    UUID engagement = UUID.randomUUID();
    LocalDate from = RenewalCalendar.today(TestClock.CLOCK).minusDays(120);
    CloudEvent event =
        EngagementEvents.completed(engagement, s.number(), 1, from, from.plusDays(60));
    assertEquals(
        Set.of(),
        EventSchemas.violations("activelist.engagement.v1", EventJson.write(event)),
        "we produce what the Active List promises");
    events.send(event);
    awaitCount("SELECT count(*) FROM suggested_entry WHERE engagement_id = ?", engagement, 1);
    // Redelivered: the inbox makes it a no-op.
    events.send(event);
    awaitCount("SELECT count(*) FROM inbox WHERE event_id = ?", UUID.fromString(event.id()), 1);
    assertEquals(
        1, count("SELECT count(*) FROM suggested_entry WHERE engagement_id = ?", engagement));

    String suggestionId =
        mine(s.subject())
            .body("items", hasSize(1))
            .body("items[0].engagementId", equalTo(engagement.toString()))
            .body("items[0].theme", equalTo(1))
            .body("items[0].title", containsString("指導テーマ1"))
            .body("items[0].description", containsString("第1回の目標は「現状の規程の確認」"))
            .body("items[0].periodFrom", equalTo(from.toString()))
            .extract()
            .path("items[0].id");
    List<String> themeItems =
        given()
            .get(BASE + "/theme-mappings")
            .then()
            .statusCode(200)
            .extract()
            .path("items.find { it.theme == 1 }.syllabusItems");
    mine(s.subject()).body("items[0].syllabusItems", equalTo(themeItems));

    // Nobody else sees it.
    Specialist other =
        Journeys.specialist(dataSource, RenewalCalendar.today(TestClock.CLOCK).minusDays(400));
    mine(other.subject()).body("items", hasSize(0));
    read(other.subject(), MINE + "/" + suggestionId).statusCode(404);
    String othersDraft = Journeys.draft(other.subject());
    copy(other.subject(), othersDraft, suggestionId).statusCode(404);

    String draft = Journeys.draft(s.subject());
    copy(other.subject(), draft, suggestionId).statusCode(404);
    String entryId =
        copy(s.subject(), draft, suggestionId)
            .statusCode(201)
            .body("complete", equalTo(false))
            .body("suggestionId", equalTo(suggestionId))
            .body("status", equalTo("DRAFT"))
            .body("certifierEmailHint", nullValue())
            .body("syllabusItems", equalTo(themeItems))
            .body("organisationName", equalTo("株式会社サンプル製作所"))
            .extract()
            .path("id");
    copy(s.subject(), draft, suggestionId)
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/suggestion-already-copied"));

    String entryPath = APPLICATIONS + "/" + draft + "/entries/" + entryId;
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", s.subject()))
        .post(entryPath + "/attestation-requests")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/entry-incomplete"));

    // Completed like any entry: every field, every check.
    String etag = Journeys.get(s.subject(), entryPath).statusCode(200).extract().header("ETag");
    Map<String, Object> full = Journeys.entry(Journeys.freshEmail(), "CLIENT");
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", s.subject()))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(full)
        .put(entryPath)
        .then()
        .statusCode(200)
        .body("complete", equalTo(true))
        .body("certifierRelation", equalTo("CLIENT"))
        .body("suggestionId", equalTo(suggestionId));
  }

  @Test
  void suggestionsPageNewestFirstAndTheNextLinkContinuesWithoutRepeats() throws Exception {
    Specialist s =
        Journeys.specialist(dataSource, RenewalCalendar.today(TestClock.CLOCK).minusDays(400));
    LocalDate from = RenewalCalendar.today(TestClock.CLOCK).minusDays(120);
    for (int theme = 1; theme <= 3; theme++) {
      events.send(
          EngagementEvents.completed(
              UUID.randomUUID(), s.number(), theme, from, from.plusDays(30)));
    }
    awaitCount("SELECT count(*) FROM suggested_entry WHERE registration_number = ?", s.number(), 3);
    List<String> newestFirst =
        column(
            "SELECT id FROM suggested_entry WHERE registration_number = ?"
                + " ORDER BY created_at DESC, id DESC",
            s.number());

    ValidatableResponse first =
        read(s.subject(), MINE + "?limit=2").statusCode(200).body("items", hasSize(2));
    List<String> shown = new ArrayList<>(first.extract().<List<String>>path("items.id"));
    String next = first.extract().path("next");
    shown.addAll(
        read(s.subject(), next)
            .statusCode(200)
            .body("items", hasSize(1))
            .body("next", nullValue())
            .extract()
            .<List<String>>path("items.id"));
    assertEquals(newestFirst, shown);
  }

  @Test
  void otherEventTypesAreIgnoredAndBrokenOnesDeadLettered() throws Exception {
    UUID engagement = UUID.randomUUID();
    CloudEvent started =
        new CloudEvent(
            "1.0",
            UUID.randomUUID().toString(),
            "urn:riss:active-list-service",
            "jp.riss.activelist.engagement.started",
            engagement.toString(),
            java.time.OffsetDateTime.now(),
            "application/json",
            "urn:riss:schema:activelist.engagement.v1",
            EventJson.mapper().valueToTree(Map.of("engagementId", engagement.toString())));
    events.send(started);
    awaitCount("SELECT count(*) FROM inbox WHERE event_id = ?", UUID.fromString(started.id()), 1);
    assertEquals(
        0, count("SELECT count(*) FROM suggested_entry WHERE engagement_id = ?", engagement));

    CloudEvent broken =
        EngagementEvents.completed(
            engagement, "12345", 1, LocalDate.of(2026, 1, 1), LocalDate.of(2025, 1, 1));
    try (var log =
        new jp.riss.platform.testing.EventLog(
            jp.riss.platform.testing.KafkaResource.broker().bootstrapServers(),
            "activelist.engagement.v1" + jp.riss.platform.inbox.DeadLetters.SUFFIX)) {
      events.send(broken);
      log.awaitEvent(e -> broken.id().equals(e.path("id").asText()), Duration.ofSeconds(30));
    }
    assertEquals(
        0, count("SELECT count(*) FROM suggested_entry WHERE engagement_id = ?", engagement));
  }
}
