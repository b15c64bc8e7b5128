package jp.riss.activelist.search;

import java.util.List;

/**
 * How many results of the whole filtered result set (not just the page) have each theme,
 * prefecture, industry and format, so a portal can show where narrowing leads.
 */
public record Facets(
    List<Count> theme, List<Count> prefecture, List<Count> industry, List<Count> format) {

  public record Count(String code, int count) {}
}
