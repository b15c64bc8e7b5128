package jp.riss.activelist.review;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.activelist.listing.ListingChanged;
import jp.riss.activelist.listing.Listings;
import jp.riss.platform.mail.MailRelay;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.testing.SmtpResource;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Listings not reconfirmed for 150 days are reminded once, after 180 they go stale; one call by the
 * owner brings them back. Tests age their own listing rather than move the clock, so other tests'
 * listings are untouched.
 */
@QuarkusTest
class StalenessTest {

  @Inject AgroalDataSource dataSource;
  @Inject MailRelay relay;

  @Test
  void aListingNotReconfirmedFor150DaysIsRemindedOnce() throws Exception {
    String id = Listings.createDraft("stale-a", Listings.uniqueRegistrationNumber());
    Listings.publish(id);
    age(id, 151);

    run().statusCode(200).body("reminded", hasItem(id)).body("madeStale", not(hasItem(id)));
    run().statusCode(200).body("reminded", not(hasItem(id)));
    Lifecycle.read(id).body("status", equalTo("PUBLISHED"));

    try (EventLog notices =
        new EventLog(KafkaResource.broker().bootstrapServers(), ListingNotice.TOPIC)) {
      JsonNode due =
          notices.awaitEvent(
              e ->
                  id.equals(e.path("subject").asText())
                      && ListingNotice.RECONFIRMATION_DUE.equals(e.path("type").asText()),
              Duration.ofSeconds(10));
      OffsetDateTime reconfirmedAt =
          OffsetDateTime.parse(due.path("data").path("reconfirmedAt").asText());
      OffsetDateTime staleAt = OffsetDateTime.parse(due.path("data").path("staleAt").asText());
      assertEquals(reconfirmedAt.plusDays(180).toInstant(), staleAt.toInstant());
      assertEquals(Set.of(), EventSchemas.violations(ListingNotice.SCHEMA, due.toString()));

      // The owner is mailed at the listing's contact address, over SMTP, once, under the
      // notice's id; in Japanese, then English.
      List<MimeMessage> mails =
          await().atMost(Duration.ofSeconds(30)).until(() -> mailsAbout(id), m -> !m.isEmpty());
      assertEquals(1, mails.size());
      MimeMessage mail = mails.get(0);
      assertEquals(relay.messageId(UUID.fromString(due.path("id").asText())), mail.getMessageID());
      assertTrue(mail.getSubject().startsWith("【アクティブリスト】掲載内容の再確認のお願い"));
      String body = (String) mail.getContent();
      assertTrue(body.contains(JST_DATE.format(staleAt)), body);
      assertTrue(body.indexOf("掲載 ID: " + id) < body.indexOf("Listing id: " + id), body);
    }
  }

  private static final java.time.format.DateTimeFormatter JST_DATE =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd")
          .withZone(java.time.ZoneId.of("Asia/Tokyo"));

  /**
   * What the listing owner (every test listing's contact is taro@) got about listing {@code id}.
   */
  private static List<MimeMessage> mailsAbout(String id) {
    return SmtpResource.received("taro@example.jp").stream()
        .filter(
            m -> {
              try {
                return ((String) m.getContent()).contains(id);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  @Test
  void after180DaysItGoesStaleAndOneReconfirmationBringsItBack() throws Exception {
    String id = Listings.createDraft("stale-b", Listings.uniqueRegistrationNumber());
    Listings.publish(id);
    age(id, 181);

    run().statusCode(200).body("madeStale", hasItem(id));
    Lifecycle.read(id).body("status", equalTo("STALE"));
    given().get(Listings.PATH + "/" + id).then().statusCode(404);
    run().body("madeStale", not(hasItem(id)));
    Lifecycle.history(id)
        .body("items.find { it.changes.status?.to == 'STALE' }.actor", equalTo("staleness-run"));

    OffsetDateTime before = OffsetDateTime.now();
    Lifecycle.byOwner(id, "reconfirm").statusCode(200).body("status", equalTo("PUBLISHED"));
    String reconfirmedAt = Lifecycle.read(id).extract().path("reconfirmedAt");
    assertTrue(!OffsetDateTime.parse(reconfirmedAt).isBefore(before.minusSeconds(1)));
    given().get(Listings.PATH + "/" + id).then().statusCode(200);

    try (EventLog listings =
            new EventLog(KafkaResource.broker().bootstrapServers(), ListingChanged.TOPIC);
        EventLog notices =
            new EventLog(KafkaResource.broker().bootstrapServers(), ListingNotice.TOPIC)) {
      JsonNode delisted =
          listings.awaitEvent(
              e ->
                  id.equals(e.path("subject").asText())
                      && ListingChanged.DELISTED.equals(e.path("type").asText()),
              Duration.ofSeconds(10));
      assertEquals("STALE", delisted.path("data").path("status").asText());
      JsonNode stale =
          notices.awaitEvent(
              e ->
                  id.equals(e.path("subject").asText())
                      && ListingNotice.LISTING_STALE.equals(e.path("type").asText()),
              Duration.ofSeconds(10));
      assertEquals(Set.of(), EventSchemas.violations(ListingNotice.SCHEMA, stale.toString()));
      listings.awaitEvent(
          e ->
              id.equals(e.path("subject").asText())
                  && ListingChanged.PUBLISHED.equals(e.path("type").asText())
                  && e.path("data").path("version").asLong()
                      > delisted.path("data").path("version").asLong(),
          Duration.ofSeconds(10));
    }
  }

  @Test
  void reconfirmingAPublishedListingRestartsTheClock() throws Exception {
    String id = Listings.createDraft("stale-c", Listings.uniqueRegistrationNumber());
    Listings.publish(id);
    age(id, 170);
    Lifecycle.byOwner(id, "reconfirm").statusCode(200).body("status", equalTo("PUBLISHED"));
    run().body("reminded", not(hasItem(id))).body("madeStale", not(hasItem(id)));
  }

  @Test
  void aStaleListingFailingCriteriaStaysStale() throws Exception {
    String number = Listings.uniqueRegistrationNumber();
    String id = Listings.createDraft("stale-d", number);
    Listings.publish(id);
    age(id, 200);
    run().body("madeStale", hasItem(id));
    jp.riss.activelist.registry.RegistrationFacts.publish(
        jp.riss.activelist.registry.RegistrationFacts.with(
            jp.riss.activelist.registry.RegistrationFacts.valid(number, "stale-d"),
            "status",
            "SUSPENDED"));
    Lifecycle.byOwner(id, "reconfirm")
        .statusCode(422)
        .body("failedCriteria.code", hasItem("registration-valid"));
    Lifecycle.read(id).body("status", equalTo("STALE"));
  }

  /** The run applies as of the service's clock; no caller chooses another instant. */
  @Test
  void noCallerChoosesTheInstantTheRulesApplyAs() {
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "a"))
        .queryParam("now", "2020-01-01T00:00:00Z")
        .post(Listings.PATH + "/staleness-runs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("now"));
  }

  private static ValidatableResponse run() {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "a"))
        .post(Listings.PATH + "/staleness-runs")
        .then();
  }

  /** As if the listing had last been reconfirmed this many days ago. */
  private void age(String id, int days) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE listing SET reconfirmed_at = now() - make_interval(days => ?)"
                    + " WHERE id = ?")) {
      ps.setInt(1, days);
      ps.setObject(2, UUID.fromString(id));
      assertEquals(1, ps.executeUpdate());
    }
  }
}
