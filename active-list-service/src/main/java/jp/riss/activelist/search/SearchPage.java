package jp.riss.activelist.search;

import java.util.List;

/**
 * A page of search results: the public summaries in the session's order, how many results the whole
 * search has, facet counts over all of them, the session's seed (send it as {@code seed} to see the
 * same order again) and the relative link to the next page.
 */
public record SearchPage(
    List<ListingSummary> items, int total, Facets facets, long seed, String next) {}
