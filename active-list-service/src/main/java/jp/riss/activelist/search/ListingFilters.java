package jp.riss.activelist.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.riss.activelist.listing.SelfDeclared;

/**
 * The filter side of the index: a bitset of slots per filter value (theme, prefecture, industry,
 * format, qualification, engagement length, affiliation) and per flag (live, saturated, online
 * nationwide, first consultation free); narrows a query to its candidates and counts facets. Not
 * thread-safe: {@link SearchIndex} holds its lock.
 */
final class ListingFilters {

  private final Slots live = new Slots();
  private final Slots saturated = new Slots();
  private final Slots online = new Slots();
  private final Slots firstFree = new Slots();
  private final FilterSlots themes = new FilterSlots();
  private final FilterSlots prefectures = new FilterSlots();
  private final FilterSlots industries = new FilterSlots();
  private final FilterSlots formats = new FilterSlots();
  private final FilterSlots qualifications = new FilterSlots();
  private final FilterSlots engagementLengths = new FilterSlots();
  private final Map<SelfDeclared.Affiliation.Kind, Slots> affiliations =
      new EnumMap<>(SelfDeclared.Affiliation.Kind.class);

  void add(int slot, IndexedListing listing, boolean isSaturated) {
    ListingSummary s = listing.summary;
    live.add(slot);
    if (isSaturated) {
      saturated.add(slot);
    }
    if (s.onlineNationwide()) {
      online.add(slot);
    }
    if (s.firstConsultationFree()) {
      firstFree.add(slot);
    }
    themes.add(slot, themeCodes(s));
    prefectures.add(slot, s.prefectures());
    industries.add(slot, s.industries());
    formats.add(slot, listing.formats);
    qualifications.add(slot, s.qualifications());
    engagementLengths.add(slot, s.engagementLengths());
    affiliations.computeIfAbsent(s.affiliation().kind(), k -> new Slots()).add(slot);
  }

  void remove(int slot, IndexedListing listing) {
    ListingSummary s = listing.summary;
    live.remove(slot);
    saturated.remove(slot);
    online.remove(slot);
    firstFree.remove(slot);
    themes.remove(slot, themeCodes(s));
    prefectures.remove(slot, s.prefectures());
    industries.remove(slot, s.industries());
    formats.remove(slot, listing.formats);
    qualifications.remove(slot, s.qualifications());
    engagementLengths.remove(slot, s.engagementLengths());
    affiliations.values().forEach(slots -> slots.remove(slot));
  }

  private static List<String> themeCodes(ListingSummary s) {
    return s.themes().stream().map(String::valueOf).toList();
  }

  /** The slots every set-valued filter allows (text words are the postings' job). */
  Slots candidates(SearchQuery q) {
    Slots candidates = live.copy();
    if (q.acceptingOnly()) {
      candidates.removeAll(saturated);
    }
    if (!q.themes().isEmpty()) {
      candidates.retain(themes.anyOf(q.themes(), null));
    }
    if (!q.prefectures().isEmpty()) {
      candidates.retain(prefectures.anyOf(q.prefectures(), q.includeOnline() ? online : null));
    }
    if (!q.industries().isEmpty()) {
      candidates.retain(industries.anyOf(q.industries(), null));
    }
    if (!q.formats().isEmpty()) {
      candidates.retain(formats.anyOf(q.formats(), null));
    }
    if (!q.qualifications().isEmpty()) {
      candidates.retain(qualifications.anyOf(q.qualifications(), null));
    }
    if (!q.engagementLengths().isEmpty()) {
      candidates.retain(engagementLengths.anyOf(q.engagementLengths(), null));
    }
    if (q.firstFree()) {
      candidates.retain(firstFree);
    }
    if (q.affiliation() != null) {
      candidates.retain(affiliations.getOrDefault(q.affiliation(), new Slots()));
    }
    return candidates;
  }

  /** The listings of each requested theme, industry and qualification, looked up once. */
  Slots[] requested(SearchQuery q) {
    List<Slots> requested = new ArrayList<>();
    q.themes().forEach(theme -> requested.add(themes.of(theme)));
    q.industries().forEach(industry -> requested.add(industries.of(industry)));
    q.qualifications().forEach(qualification -> requested.add(qualifications.of(qualification)));
    return requested.toArray(Slots[]::new);
  }

  Facets facets(SearchCodes codes, Slots result) {
    return new Facets(
        themes.counts(codes.themes(), result),
        prefectures.counts(codes.prefectures(), result),
        industries.counts(codes.industries(), result),
        formats.counts(codes.formats(), result));
  }
}
