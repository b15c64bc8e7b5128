package jp.riss.activelist.search;

import java.util.List;

/** One page of a search as the index answers it, with what the next page needs. */
record SearchResult(
    List<IndexedListing> hits,
    int firstPosition,
    int total,
    Serialized<Facets> facets,
    long seed,
    RankPosition next) {

  /** The page's listings as results show them. */
  List<ListingSummary> items() {
    return hits.stream().map(hit -> hit.summary).toList();
  }
}
