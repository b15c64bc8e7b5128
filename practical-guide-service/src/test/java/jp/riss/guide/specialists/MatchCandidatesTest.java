package jp.riss.guide.specialists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.riss.guide.specialists.ListingEvents.Listing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The open cards recommendations draw on, as kept in memory: what they cost when many companies ask
 * at once, and how long they may lag a change made to the table behind the consumer's back.
 */
@QuarkusTest
class MatchCandidatesTest {

  // Saga: no other test publishes listings or places organisations there.
  private static final String SAGA = "41";

  @Inject MatchCandidates candidates;
  @Inject AgroalDataSource dataSource;
  private ListingEvents listings;

  @BeforeEach
  void producer() {
    listings = new ListingEvents();
  }

  @AfterEach
  void close() {
    listings.close();
  }

  @Test
  void companiesAskingForTheSameCandidatesAtOnceHaveThemReadOnce() throws Exception {
    UUID card = UUID.randomUUID();
    listings.send(Listing.published(card, "佐賀 一", List.of(SAGA), List.of(4)));
    listings.awaitApplied(dataSource);

    int requests = 16;
    long generationBefore = generation();
    long readsBefore = candidates.reads();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    try {
      List<Future<List<MatchCandidates.Card>>> answers = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return QuarkusTransaction.requiringNew()
                      .call(() -> candidates.inPrefecture(SAGA, 4));
                }));
      }
      start.countDown();
      for (Future<List<MatchCandidates.Card>> answer : answers) {
        assertEquals(Set.of(card), ids(answer.get()));
      }
    } finally {
      pool.shutdown();
    }
    // One read for all of them (two if a listing event elsewhere moved the read model meanwhile:
    // then the requests after it must not use what was read before it).
    long generations = generation() == generationBefore ? 1 : 2;
    assertTrue(candidates.reads() - readsBefore <= generations);
  }

  private static Set<UUID> ids(List<MatchCandidates.Card> cards) {
    return Set.copyOf(cards.stream().map(MatchCandidates.Card::listingId).toList());
  }

  private long generation() throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT generation FROM specialist_card_generation");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
