package jp.riss.activelist.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.riss.activelist.TestClock;
import jp.riss.activelist.listing.ListingChanged;
import jp.riss.activelist.listing.Listings;
import jp.riss.activelist.registry.RegistrationFacts;
import jp.riss.activelist.registry.RegistryDeadlines;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.time.PlatformClock;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 §3, the date-only case: a course that falls due undone changes what the public may see
 * although nobody writes anything, so the daily check must take the listing off the list, with its
 * feed entry and event, like a registry change would.
 */
@QuarkusTest
class RegistryDeadlinesTest {

  @Inject RegistryDeadlines deadlines;

  @Test
  void aCourseFallingDueUndoneTakesTheListingOffTheListTheDayAfter() {
    String owner = "deadline-" + UUID.randomUUID();
    String number = Listings.uniqueRegistrationNumber();
    String id = Listings.createDraft(owner, number);
    Listings.publish(id);
    LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(PlatformClock.JAPAN));
    // The practical course is due tomorrow and not done: still listed today.
    RegistrationFacts.publish(
        RegistrationFacts.practical(
            RegistrationFacts.valid(number, owner), today.plusDays(1), false, null, null));
    Lifecycle.read(id).body("status", equalTo("PUBLISHED"));
    assertFalse(deadlines.run().contains(UUID.fromString(id)), "nothing is due yet");
    Lifecycle.read(id).body("status", equalTo("PUBLISHED"));

    List<UUID> suspended;
    TestClock.CLOCK.advance(Duration.ofDays(2));
    try {
      suspended = deadlines.run();
    } finally {
      TestClock.CLOCK.reset();
    }

    assertTrue(suspended.contains(UUID.fromString(id)));
    Lifecycle.read(id)
        .body("status", equalTo("SUSPENDED"))
        .body("statusReason", startsWith("Registry dates as of " + today.plusDays(2)));
    given().get(Listings.PATH + "/" + id).then().statusCode(404);
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), ListingChanged.TOPIC)) {
      log.awaitEvent(
          e ->
              id.equals(e.path("subject").asText())
                  && ListingChanged.DELISTED.equals(e.path("type").asText())
                  && "SUSPENDED".equals(e.path("data").path("status").asText()),
          Duration.ofSeconds(10));
    }
    // A second run the same day finds nothing more to do for it.
    TestClock.CLOCK.advance(Duration.ofDays(2));
    try {
      assertFalse(deadlines.run().contains(UUID.fromString(id)));
    } finally {
      TestClock.CLOCK.reset();
    }
  }
}
