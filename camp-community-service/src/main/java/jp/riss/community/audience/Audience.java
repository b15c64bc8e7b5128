package jp.riss.community.audience;

import java.util.List;

/**
 * Who an event or a survey is for: programmes (empty: any), completion years (either end open) and
 * the youngest age band admitted.
 */
public record Audience(
    List<String> programmes,
    Integer completionYearFrom,
    Integer completionYearTo,
    String minAgeBand) {}
