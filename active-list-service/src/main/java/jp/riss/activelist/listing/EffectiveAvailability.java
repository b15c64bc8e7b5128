package jp.riss.activelist.listing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Whether a specialist takes new inquiries today, as every public representation shows it: the
 * search index (filter, order and summaries), each listing view, the change feed and the listing
 * events all derive it here, so none of them can disagree with another.
 *
 * <p>The owner's declaration is the starting point; "not accepting until" a date ends after that
 * date (Japan time), and a listing whose open inquiries fill its capacity is {@code AT_CAPACITY}
 * whatever it declared — both without anyone editing the listing. {@code until} is only set for
 * {@code NOT_ACCEPTING}.
 */
public record EffectiveAvailability(Status status, LocalDate until) {

  /** Dates in the list are Japanese dates: "until the 31st" ends at midnight in Tokyo. */
  public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  public enum Status {
    ACCEPTING,
    LIMITED,
    NOT_ACCEPTING,
    AT_CAPACITY
  }

  public static EffectiveAvailability of(
      SelfDeclared.Availability declared, int openInquiries, int capacity, LocalDate today) {
    if (!declared.accepting(today)) {
      return new EffectiveAvailability(Status.NOT_ACCEPTING, declared.until());
    }
    if (openInquiries >= capacity) {
      return new EffectiveAvailability(Status.AT_CAPACITY, null);
    }
    return new EffectiveAvailability(
        declared.status() == SelfDeclared.Availability.Status.LIMITED
            ? Status.LIMITED
            : Status.ACCEPTING,
        null);
  }

  public static EffectiveAvailability of(Listing listing, LocalDate today) {
    return of(
        new SelfDeclared.Availability(listing.availability, listing.unavailableUntil),
        listing.openInquiries,
        listing.capacity,
        today);
  }

  /** Today in Japan by the service's clock: the day availability is judged for. */
  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(JAPAN));
  }

  /** Whether an inquiry may be sent now: neither not accepting nor at capacity. */
  public boolean open() {
    return status == Status.ACCEPTING || status == Status.LIMITED;
  }
}
