package jp.riss.activelist.inquiry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import jp.riss.activelist.listing.ListingTouched;

/** Counts committed ListingTouched signals per listing, as an in-process view would see them. */
@ApplicationScoped
public class TouchedListings {

  private final Map<UUID, AtomicInteger> counts = new ConcurrentHashMap<>();

  void touched(@Observes(during = TransactionPhase.AFTER_SUCCESS) ListingTouched event) {
    counts.computeIfAbsent(event.listingId(), id -> new AtomicInteger()).incrementAndGet();
  }

  public int of(String listingId) {
    AtomicInteger count = counts.get(UUID.fromString(listingId));
    return count == null ? 0 : count.get();
  }
}
