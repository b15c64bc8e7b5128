package jp.riss.guide.specialists;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.guide.specialists.ListingEvents.Listing;
import org.junit.jupiter.api.Test;

/**
 * However long the open cards of a key are kept in memory, a change made to the table behind the
 * consumer's back (which moves no change count) shows within the freshness bound: each load lives a
 * random span up to the bound, never longer.
 */
@QuarkusTest
@TestProfile(MatchCandidatesFreshnessTest.OneSecond.class)
class MatchCandidatesFreshnessTest {

  /** The bound at one second, so the test sees it at work. */
  public static class OneSecond implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("riss.guide.closers.candidates-fresh-for", "1s");
    }
  }

  // Nagasaki: no other test publishes listings or places organisations there.
  private static final String NAGASAKI = "42";

  @Inject MatchCandidates candidates;
  @Inject AgroalDataSource dataSource;

  @Test
  void aCardChangedBehindTheConsumersBackIsSeenWithinTheFreshnessBound() throws Exception {
    UUID card = UUID.randomUUID();
    try (ListingEvents listings = new ListingEvents()) {
      listings.send(Listing.published(card, "長崎 一", List.of(NAGASAKI), List.of(3)));
      listings.awaitApplied(dataSource);
    }
    assertEquals(List.of(card), ids());

    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE specialist_card SET availability = 'AT_CAPACITY' WHERE listing_id = ?")) {
      s.setObject(1, card);
      s.executeUpdate();
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> ids().isEmpty());
  }

  private List<UUID> ids() {
    return QuarkusTransaction.requiringNew()
        .call(() -> candidates.inPrefecture(NAGASAKI, 3))
        .stream()
        .map(MatchCandidates.Card::listingId)
        .toList();
  }
}
