package jp.riss.activelist.search;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.riss.activelist.listing.EffectiveAvailability;
import jp.riss.activelist.listing.SelfDeclared;

/**
 * One published listing as the index holds it: its result summary built once, its searchable text
 * folded once, and the few numbers ranking needs. Immutable except for the exposure factors, which
 * change with each exposure epoch.
 */
final class IndexedListing {

  final UUID id;
  final long version;
  final ListingSummary summary;
  private final Serialized<ListingSummary> summaryJson;
  final String text;
  final int[] bigrams;
  final List<String> formats;
  final int[] fees;
  final EffectiveAvailability availability;

  /** Not accepting or at capacity today: filtered out by accepting-only, ranked last otherwise. */
  final boolean saturated;

  final boolean limited;
  final int capacity;
  final int openInquiries;
  final int yearsRegistered;
  final long rotationSalt;
  final java.time.OffsetDateTime registryVerifiedAt;

  /** Exposure damping of the current and the previous epoch (see {@link SearchIndex}). */
  volatile double exposureCurrent = 1.0;

  volatile double exposurePrevious = 1.0;

  /** A fee not stated: offered, but matches no fee limit and sorts after every stated fee. */
  static final int NO_FEE = Integer.MAX_VALUE;

  private IndexedListing(StoredListing row, SearchCodes codes, LocalDate today) {
    id = row.id();
    version = row.version();
    StoredListing.Registry registry = row.registry();
    yearsRegistered =
        registry == null
            ? -1
            : Math.max(0, Period.between(registry.registeredOn(), today).getYears());
    registryVerifiedAt = registry == null ? null : registry.verifiedAt();
    capacity = Math.max(1, row.capacity());
    openInquiries = row.openInquiries();
    availability = EffectiveAvailability.of(row.availability(), openInquiries, capacity, today);
    saturated = !availability.open();
    limited = row.availability().status() == SelfDeclared.Availability.Status.LIMITED;
    summary =
        new ListingSummary(
            row.id(),
            row.registrationNumber(),
            row.displayName(),
            row.displayNameKana(),
            new ListingSummary.Affiliation(row.affiliation(), row.companyName()),
            row.prefectures(),
            row.onlineNationwide(),
            row.themes(),
            row.industries(),
            row.formats(),
            row.firstConsultationFree(),
            row.engagementLengths(),
            row.qualifications(),
            availability,
            registry == null
                ? null
                : new ListingSummary.Verified(
                    registry.status(),
                    registry.expiresOn(),
                    yearsRegistered,
                    registry.onlineCourseStatus(),
                    registry.practicalCourseStatus()));
    summaryJson = new Serialized<>(summary);
    text = JapaneseText.foldFields(searchableFields(row, codes));
    bigrams = JapaneseText.bigrams(text);
    formats = row.formats().stream().map(SelfDeclared.FormatFee::format).toList();
    fees =
        row.formats().stream()
            .mapToInt(f -> f.feePerSessionJpy() == null ? NO_FEE : f.feePerSessionJpy())
            .toArray();
    rotationSalt = row.id().getMostSignificantBits() ^ row.id().getLeastSignificantBits();
  }

  /** The summary and, once a response has needed it, its JSON. */
  Serialized<ListingSummary> summaryJson() {
    return summaryJson;
  }

  static IndexedListing of(StoredListing row, SearchCodes codes, LocalDate today) {
    return new IndexedListing(row, codes, today);
  }

  private static List<String> searchableFields(StoredListing row, SearchCodes codes) {
    List<String> fields = new ArrayList<>();
    fields.add(row.displayName());
    fields.add(row.displayNameKana());
    fields.add(row.companyName());
    fields.add(row.selfIntroduction());
    for (SelfDeclared.TrackRecord record : row.trackRecords()) {
      fields.add(record.title());
      fields.add(record.description());
    }
    for (Integer theme : row.themes()) {
      fields.addAll(codes.themeNames().getOrDefault(String.valueOf(theme), List.of()));
    }
    for (String qualification : row.qualifications()) {
      fields.addAll(codes.qualificationNames().getOrDefault(qualification, List.of()));
    }
    fields.addAll(row.otherQualifications());
    return fields;
  }
}
