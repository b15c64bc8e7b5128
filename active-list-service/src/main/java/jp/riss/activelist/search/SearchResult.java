package jp.riss.activelist.search;

import java.util.List;

/** One page of a search as the index answers it, with what the next page needs. */
record SearchResult(
    List<ListingSummary> items,
    int firstPosition,
    int total,
    Facets facets,
    long seed,
    RankPosition next) {}
