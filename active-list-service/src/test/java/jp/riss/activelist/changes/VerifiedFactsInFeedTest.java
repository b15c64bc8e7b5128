package jp.riss.activelist.changes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.riss.activelist.listing.Listings;
import jp.riss.activelist.registry.RegistrationFacts;
import jp.riss.activelist.verification.DeemedAttendanceEvents;
import org.junit.jupiter.api.Test;

/**
 * A CRM mirror stays right when only the verified side of a listing changes: a registry change that
 * keeps it listed and a deemed-attendance decision both put its new state in the feed.
 */
@QuarkusTest
class VerifiedFactsInFeedTest {

  @SuppressWarnings("unchecked")
  private static Object verified(Map<String, Object> entry, String group, String field) {
    Map<String, Object> verified =
        (Map<String, Object>) ChangeFeedTest.listing(entry).get("verified");
    Map<String, Object> facts = (Map<String, Object>) verified.get(group);
    return facts == null ? null : facts.get(field);
  }

  private static Map<String, Object> latest(ChangeFeedTest.Read read, String id) {
    List<Map<String, Object>> entries = ChangeFeedTest.of(read, id);
    return entries.isEmpty() ? null : entries.get(entries.size() - 1);
  }

  @Test
  void registryAndDeemedAttendanceChangesReachTheFeed() {
    String number = Listings.uniqueRegistrationNumber();
    String id = Listings.createDraft("feed-verified", number);
    Listings.publish(id);
    String cursor = ChangeFeedTest.readUntilCaughtUp(null, 100).cursor();

    // The registry's owner publishes the practical course as not done yet (due in a year).
    RegistrationFacts.publish(
        RegistrationFacts.practical(
            RegistrationFacts.valid(number, "feed-verified"),
            LocalDate.now().plusYears(1),
            false,
            null,
            null));
    ChangeFeedTest.Read afterImport = ChangeFeedTest.readUntilCaughtUp(cursor, 100);
    Map<String, Object> entry = latest(afterImport, id);
    assertEquals("UPSERT", entry.get("kind"));
    @SuppressWarnings("unchecked")
    Map<String, Object> practical =
        (Map<String, Object>) verified(entry, "mandatoryCourses", "practicalCourse");
    assertEquals("DUE", practical.get("status"));

    DeemedAttendanceEvents.approved(number);
    String afterImportCursor = afterImport.cursor();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              Map<String, Object> last =
                  latest(ChangeFeedTest.readUntilCaughtUp(afterImportCursor, 100), id);
              return last != null
                  && "APPROVED".equals(verified(last, "deemedAttendance", "status"));
            });
  }
}
