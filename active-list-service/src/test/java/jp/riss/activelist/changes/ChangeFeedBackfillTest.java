package jp.riss.activelist.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import jp.riss.platform.feed.FeedPosition;
import org.junit.jupiter.api.Test;

/** A listing published before the feed existed still reaches CRMs, once. */
@QuarkusTest
class ChangeFeedBackfillTest {

  @Inject ChangeFeedBackfill backfill;
  @Inject ChangeFeed feed;
  @Inject ChangeLog log;
  @Inject AgroalDataSource dataSource;

  @Test
  void publishedListingsWithoutEntriesAreAddedOnce() throws Exception {
    String old = CrmListings.published("backfill-1", "既存 掲載", false);
    // As it was before V30: published, with no feed entry.
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM listing_change WHERE listing_id = ?")) {
      ps.setObject(1, UUID.fromString(old));
      ps.executeUpdate();
    }
    long head = log.head();

    assertTrue(backfill.run() >= 1);
    assertEquals(0, backfill.run(), "a second run finds nothing");

    List<ChangeEntry> added = feed.read(FeedPosition.incremental(head), 100).entries();
    List<ChangeEntry> mine =
        added.stream().filter(e -> e.listingId().toString().equals(old)).toList();
    assertEquals(1, mine.size());
    assertEquals(ChangeKind.UPSERT, mine.get(0).kind());
    assertEquals("既存 掲載", mine.get(0).listing().path("selfDeclared").path("displayName").asText());
  }
}
