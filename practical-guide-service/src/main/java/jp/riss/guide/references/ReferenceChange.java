package jp.riss.guide.references;

import java.util.List;

/**
 * A new resource, or an editor's change to one (only the fields sent change). A new or changed
 * address goes through the platform's SSRF guard and makes the link {@code unchecked} again.
 */
public record ReferenceChange(
    String labelJa,
    String labelEn,
    String publisher,
    String kind,
    List<Integer> steps,
    String url,
    Integer footnote) {}
