package jp.riss.guide.specialists;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The part of an {@code activelist.listing.v1} payload the guide keeps. A tolerant reader: fields
 * the Active List adds later are ignored, and {@code verified} (the names of the listing's verified
 * fact groups) may be absent.
 */
public record ListingSnapshot(
    UUID listingId,
    String registrationNumber,
    String displayName,
    List<String> prefectures,
    Boolean onlineNationwide,
    List<Integer> themes,
    Boolean firstConsultationFree,
    String availability,
    List<String> verified,
    String status,
    Long version,
    Long revision) {

  public static final String TOPIC = "activelist.listing.v1";

  /** The effective availabilities the Active List sends; the last two take no inquiries. */
  static final Set<String> AVAILABILITIES =
      Set.of("ACCEPTING", "LIMITED", "NOT_ACCEPTING", "AT_CAPACITY");

  static final Set<String> VERIFIED_GROUPS =
      Set.of(
          "registration",
          "mandatoryCourses",
          "deemedAttendance",
          "platformEngagements",
          "campAlumnus");

  boolean isComplete() {
    return listingId != null
        && registrationNumber != null
        && displayName != null
        && prefectures != null
        && onlineNationwide != null
        && themes != null
        && firstConsultationFree != null
        && availability != null
        && AVAILABILITIES.contains(availability)
        && status != null
        && version != null
        && revision != null;
  }

  boolean isListed() {
    return "PUBLISHED".equals(status);
  }

  /**
   * The verified groups the guide's contract names; a group added later is not shown until then.
   */
  List<String> verifiedOrNone() {
    return verified == null
        ? List.of()
        : verified.stream().filter(VERIFIED_GROUPS::contains).toList();
  }
}
