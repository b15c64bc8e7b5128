package jp.riss.activelist.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Facet counts depend on the filters only, not on the session's rotation or the page, and the index
 * changes far more rarely than it is searched: they are kept per filter set, valid until the next
 * change of any listing (the index's change count).
 */
final class FacetCache {

  private static final int ENTRIES = 10_000;

  private record Counted(long changes, Serialized<Facets> facets) {}

  private final Map<SearchQuery.Filters, Counted> byFilters = new ConcurrentHashMap<>();

  /** The counts for {@code filters} as of {@code changes}, or null when they must be counted. */
  Serialized<Facets> get(SearchQuery.Filters filters, long changes) {
    Counted counted = byFilters.get(filters);
    return counted != null && counted.changes() == changes ? counted.facets() : null;
  }

  Serialized<Facets> put(SearchQuery.Filters filters, long changes, Facets facets) {
    Serialized<Facets> serialized = new Serialized<>(facets);
    if (byFilters.size() >= ENTRIES) {
      byFilters.clear();
    }
    byFilters.put(filters, new Counted(changes, serialized));
    return serialized;
  }
}
