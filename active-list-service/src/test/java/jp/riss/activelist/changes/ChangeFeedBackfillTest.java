package jp.riss.activelist.changes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import jp.riss.activelist.search.ListingSearch;
import jp.riss.platform.feed.FeedPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A listing published before the feed existed still reaches CRMs, once. */
@QuarkusTest
class ChangeFeedBackfillTest {

  @Inject ChangeFeedBackfill backfill;
  @Inject ChangeFeed feed;
  @Inject ChangeLog log;
  @Inject AgroalDataSource dataSource;
  @Inject ListingSearch search;

  private final List<UUID> copies = new ArrayList<>();

  @AfterEach
  void removeCopies() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      for (String table : List.of("listing_change WHERE listing_id", "listing WHERE id")) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " = ANY (?)")) {
          ps.setArray(1, c.createArrayOf("uuid", copies.toArray()));
          ps.executeUpdate();
        }
      }
    }
    for (UUID id : copies) {
      search.refresh(id); // gone from the search index too
    }
  }

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

  @Test
  void atStartItRunsOnItsOwnThreadThroughSeveralBatchesAndEveryListingGetsItsEntry()
      throws Exception {
    String model = CrmListings.published("backfill-2", "一括 掲載", false);
    // Listings published behind the service's back (as before V30, or as a bulk load does):
    // more than two batches, none with an entry.
    int n = 2 * ChangeFeedBackfill.BATCH + 7;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO listing SELECT (jsonb_populate_record(NULL::listing, to_jsonb(l)"
                    + " || jsonb_build_object('id', gen_random_uuid(), 'registration_number',"
                    + " n.number, 'owner_subject', 'backfill-bulk-' || n.number))).*"
                    + " FROM listing l, (SELECT lpad(CAST(x AS text), 6, '0') AS number"
                    + " FROM generate_series(0, 999999) x WHERE lpad(CAST(x AS text), 6, '0')"
                    + " NOT IN (SELECT registration_number FROM listing) ORDER BY random()"
                    + " LIMIT ?) n WHERE l.id = ? RETURNING CAST(id AS text)")) {
      ps.setInt(1, n);
      ps.setObject(2, UUID.fromString(model));
      try (ResultSet rows = ps.executeQuery()) {
        while (rows.next()) {
          copies.add(UUID.fromString(rows.getString(1)));
        }
      }
    }
    assertEquals(n, copies.size());
    long head = log.head();

    // As at startup: a thread of its own, no request context.
    CompletableFuture<Integer> done = backfill.inBackground();
    await().atMost(Duration.ofSeconds(120)).until(done::isDone);
    assertTrue(done.get() >= n, "added " + done.get());

    Map<UUID, List<ChangeEntry>> added =
        everyEntryAfter(head).stream()
            .collect(Collectors.groupingBy(ChangeEntry::listingId, Collectors.toList()));
    for (UUID copy : copies) {
      List<ChangeEntry> entries = added.getOrDefault(copy, List.of());
      assertEquals(1, entries.size(), "entries of " + copy);
      assertEquals(ChangeKind.UPSERT, entries.get(0).kind());
      assertEquals(
          "一括 掲載", entries.get(0).listing().path("selfDeclared").path("displayName").asText());
    }
    assertEquals(0, backfill.inBackground().get(), "a second run finds nothing");
  }

  private List<ChangeEntry> everyEntryAfter(long head) {
    List<ChangeEntry> all = new ArrayList<>();
    FeedPosition position = FeedPosition.incremental(head);
    while (true) {
      ChangeFeed.FeedPage page = feed.read(position, 100);
      all.addAll(page.entries());
      if (page.caughtUp() || page.entries().isEmpty()) {
        return all;
      }
      position = page.next();
    }
  }
}
