package jp.riss.activelist.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jp.riss.activelist.listing.Listing;
import jp.riss.platform.feed.FeedPosition;
import org.junit.jupiter.api.Test;

/**
 * A reader must never skip an entry that commits after a later-numbered one: seq follows commit
 * order, whatever order the transactions started or appended in.
 */
@QuarkusTest
class ChangeFeedOrderingTest {

  @Inject ChangeFeed feed;
  @Inject ChangeLog log;

  private void touch(UUID id, String introduction) {
    Listing listing = Listing.findById(id);
    listing.selfIntroduction = introduction;
    feed.append(listing);
  }

  private List<ChangeEntry> readAll(long after) {
    List<ChangeEntry> all = new ArrayList<>();
    ChangeFeed.FeedPage page;
    FeedPosition at = FeedPosition.incremental(after);
    do {
      page = feed.read(at, 50);
      all.addAll(page.entries());
      at = page.next();
    } while (!page.caughtUp());
    return all;
  }

  @Test
  void aTransactionThatAppendedFirstButCommitsLaterIsNotSkipped() throws Exception {
    UUID first = UUID.fromString(CrmListings.published("order-1", "順序 一", false));
    UUID second = UUID.fromString(CrmListings.published("order-2", "順序 二", false));
    long start = log.head();
    CountDownLatch appended = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      // Begins and appends first, commits last.
      CompletableFuture<Void> slow =
          CompletableFuture.runAsync(
              () ->
                  QuarkusTransaction.requiringNew()
                      .run(
                          () -> {
                            touch(first, "先に追記、後で確定");
                            appended.countDown();
                            await(release);
                          }),
              thread);
      assertTrue(appended.await(10, TimeUnit.SECONDS));
      QuarkusTransaction.requiringNew().run(() -> touch(second, "後に追記、先に確定"));

      // A reader now sees the second transaction's entry and moves its cursor past it.
      List<ChangeEntry> seen = readAll(start);
      assertEquals(List.of(second), seen.stream().map(ChangeEntry::listingId).toList());
      long cursor = seen.get(0).seq();

      release.countDown();
      slow.get(10, TimeUnit.SECONDS);

      // From that cursor the first transaction's entry still comes.
      List<ChangeEntry> next = readAll(cursor);
      assertEquals(List.of(first), next.stream().map(ChangeEntry::listingId).toList());
      assertEquals(cursor + 1, next.get(0).seq());
    } finally {
      release.countDown();
      thread.shutdownNow();
    }
  }

  @Test
  void concurrentWritersLeaveNoGapForAReaderPollingMeanwhile() throws Exception {
    int writers = 4;
    int changesEach = 15;
    List<UUID> listings = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      listings.add(UUID.fromString(CrmListings.published("burst-" + i, "同時 " + i, false)));
    }
    long start = log.head();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<CompletableFuture<Void>> running = new ArrayList<>();
    for (UUID listing : listings) {
      running.add(
          CompletableFuture.runAsync(
              () -> {
                for (int n = 0; n < changesEach; n++) {
                  String text = "変更 " + n;
                  QuarkusTransaction.requiringNew().run(() -> touch(listing, text));
                }
              },
              pool));
    }
    // Poll like a CRM while they write: every entry read must follow the previous one directly.
    List<ChangeEntry> read = new ArrayList<>();
    long cursor = start;
    CompletableFuture<Void> all =
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
    while (!all.isDone() || cursor < log.head()) {
      for (ChangeEntry entry : feed.read(FeedPosition.incremental(cursor), 7).entries()) {
        assertEquals(cursor + 1, entry.seq(), "no entry skipped or repeated");
        cursor = entry.seq();
        read.add(entry);
      }
    }
    all.get(30, TimeUnit.SECONDS);
    pool.shutdown();
    assertEquals(writers * changesEach, read.size());
    for (UUID listing : listings) {
      assertEquals(changesEach, read.stream().filter(e -> e.listingId().equals(listing)).count());
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
