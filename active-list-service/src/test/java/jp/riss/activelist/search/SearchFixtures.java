package jp.riss.activelist.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.activelist.listing.ListingStatus;
import jp.riss.activelist.listing.SelfDeclared;

/** Index-level fixtures: reference codes as the migrations load them, and stored listings. */
final class SearchFixtures {

  private SearchFixtures() {}

  static SearchCodes codes() {
    Map<String, List<String>> themes = new LinkedHashMap<>();
    themes.put("1", List.of("情報セキュリティ規程の整備", "Security rules"));
    themes.put("2", List.of("情報資産の洗い出しとリスク分析", "Asset inventory and risk analysis"));
    themes.put("3", List.of("クラウドサービスの安全利用", "Safe use of cloud services"));
    themes.put("4", List.of("セキュリティインシデント対応", "Incident response"));
    return new SearchCodes(
        List.of("13", "14", "27"),
        List.copyOf(themes.keySet()),
        List.of("D", "E", "J"),
        List.of("on-site", "online", "lecture"),
        List.of("it-coordinator", "cissp"),
        List.of("spot", "1-3-months"),
        themes,
        Map.of("it-coordinator", List.of("ITコーディネータ"), "cissp", List.of("CISSP")),
        List.of(
            new SearchCodes.PositionBucket("top-3", 1, 3),
            new SearchCodes.PositionBucket("4-10", 4, 10),
            new SearchCodes.PositionBucket("over-10", 11, null)));
  }

  /** A published listing with theme 1 in Tokyo, accepting, capacity 3, nothing open. */
  static StoredListing listing(int openInquiries) {
    return new StoredListing(
        UUID.randomUUID(),
        1,
        ListingStatus.PUBLISHED,
        OffsetDateTime.now(),
        "000001",
        "情報 太郎",
        "じょうほう たろう",
        SelfDeclared.Affiliation.Kind.INDEPENDENT,
        null,
        List.of("13"),
        false,
        List.of(1),
        List.of("E"),
        List.of(new SelfDeclared.FormatFee("online", 20000)),
        true,
        List.of("spot"),
        List.of(),
        List.of(),
        "規程の整備を支援します",
        List.of(),
        new SelfDeclared.Availability(SelfDeclared.Availability.Status.ACCEPTING, null),
        3,
        openInquiries,
        null);
  }

  static SearchQuery themeQuery(int limit, long seed) {
    return new SearchQuery(
        List.of("1"),
        List.of(),
        false,
        List.of(),
        List.of(),
        null,
        false,
        List.of(),
        List.of(),
        null,
        false,
        List.of(),
        SearchQuery.Sort.ROTATION,
        seed,
        limit,
        null);
  }

  static LocalDate today() {
    return LocalDate.of(2026, 4, 1);
  }
}
