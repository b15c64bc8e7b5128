package jp.riss.activelist.search;

import static jp.riss.activelist.search.PublishedListingFixtures.declared;
import static jp.riss.activelist.search.PublishedListingFixtures.marker;
import static jp.riss.activelist.search.PublishedListingFixtures.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The first index is loaded on a thread of its own, started as soon as the schema is migrated
 * (SearchIndexEarlyLoad), but the start does not go on (and the HTTP server does not open, nor
 * readiness turn green) before that index holds every published listing: a search answered from a
 * half-loaded index would be wrong, not slow.
 */
@QuarkusTest
class SearchIndexStartupTest {

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject PublishedListings listings;
  @Inject SearchReferenceData reference;
  @Inject ExposureStatistics exposure;
  @Inject SearchConfig config;

  /**
   * Started by Quarkus' startup observer alone, or after the Flyway callback has started the load
   * early (twice, to show a second call starts nothing): either way, when the observer returns, the
   * index holds every published listing.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 2})
  void startupWaitsUntilTheIndexHoldsEveryPublishedListing(int earlyLoads) throws Exception {
    String m = marker();
    String id = publish("search-startup-" + earlyLoads, declared(m));
    ListingSearch starting = unstarted();
    try {
      for (int i = 0; i < earlyLoads; i++) {
        starting.startLoading();
      }
      starting.start(new StartupEvent());

      // Read at once, before anything else takes time: when the startup observer has returned,
      // the index must be complete.
      int indexed = starting.size();
      SearchResult found = starting.search(query(starting, m));
      assertEquals(publishedInDatabase(), indexed);
      assertEquals(List.of(UUID.fromString(id)), found.hits().stream().map(h -> h.id).toList());
    } finally {
      starting.stop(new ShutdownEvent());
    }
  }

  /** A second ListingSearch on the same database and beans, as a process has it before start. */
  private ListingSearch unstarted() {
    ListingSearch search = new ListingSearch();
    search.clock = clock;
    search.listings = listings;
    search.reference = reference;
    search.exposure = exposure;
    search.config = config;
    return search;
  }

  private int publishedInDatabase() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "SELECT count(*) FROM listing WHERE status = 'PUBLISHED'")
                            .getSingleResult())
                    .intValue());
  }

  private SearchQuery query(ListingSearch search, String text) {
    MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
    params.add("q", text);
    return SearchQuery.parse(params, search.codes(), config.defaultLimit(), config.maxLimit());
  }
}
