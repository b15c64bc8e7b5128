package jp.riss.activelist.search;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.riss.activelist.listing.SelfDeclared;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.web.Cursors;

/**
 * A search as its query parameters state it, each checked against the reference data: an unknown
 * code or a malformed value is a 400 naming the parameter. Repeating a multi-valued parameter
 * widens it (any of the values); different parameters narrow the result (all must hold).
 */
record SearchQuery(
    List<String> themes,
    List<String> prefectures,
    boolean includeOnline,
    List<String> industries,
    List<String> formats,
    Integer maxFee,
    boolean firstFree,
    List<String> qualifications,
    List<String> engagementLengths,
    SelfDeclared.Affiliation.Kind affiliation,
    boolean acceptingOnly,
    List<String> words,
    Sort sort,
    Long seed,
    int limit,
    RankPosition after) {

  /** The part of a query that decides which listings match (not their order, not the page). */
  record Filters(
      List<String> themes,
      List<String> prefectures,
      boolean includeOnline,
      List<String> industries,
      List<String> formats,
      Integer maxFee,
      boolean firstFree,
      List<String> qualifications,
      List<String> engagementLengths,
      SelfDeclared.Affiliation.Kind affiliation,
      boolean acceptingOnly,
      List<String> words) {}

  Filters filters() {
    return new Filters(
        themes,
        prefectures,
        includeOnline,
        industries,
        formats,
        maxFee,
        firstFree,
        qualifications,
        engagementLengths,
        affiliation,
        acceptingOnly,
        words);
  }

  static final int MAX_QUERY_LENGTH = 200;
  static final int MAX_WORDS = 10;
  static final int MAX_VALUES = 50;

  /** Explicit orders, only when asked; the default is the fair rotation. */
  enum Sort {
    ROTATION(null),
    FEE("fee"),
    YEARS_REGISTERED("yearsRegistered");

    final String param;

    Sort(String param) {
      this.param = param;
    }
  }

  static SearchQuery parse(
      MultivaluedMap<String, String> params, SearchCodes codes, int defaultLimit, int maxLimit) {
    Parser p = new Parser(params);
    SearchQuery query =
        new SearchQuery(
            p.codes("theme", codes.themes(), "is not a guidance theme number"),
            p.codes("prefecture", codes.prefectures(), "is not a JIS X 0401 prefecture code"),
            p.bool("includeOnline"),
            p.codes("industry", codes.industries(), "is not a JSIC division"),
            p.codes("format", codes.formats(), "is not a consultation format code"),
            p.integer("maxFee", 0, 10_000_000),
            p.bool("firstFree"),
            p.codes("qualification", codes.qualifications(), "is not a qualification code"),
            p.codes(
                "engagementLength", codes.engagementLengths(), "is not an engagement length code"),
            p.affiliation(),
            p.bool("acceptingOnly"),
            p.words(),
            p.sort(),
            p.seed(),
            p.limit(defaultLimit, maxLimit),
            p.cursor());
    p.throwIfInvalid();
    return query;
  }

  /** Reads parameters, collecting every problem so one answer names them all. */
  private static final class Parser {
    private final MultivaluedMap<String, String> params;
    private final List<Problem.Violation> violations = new ArrayList<>();

    Parser(MultivaluedMap<String, String> params) {
      this.params = params;
    }

    private List<String> all(String name) {
      List<String> values = params.get(name);
      return values == null ? List.of() : values;
    }

    private String one(String name) {
      List<String> values = all(name);
      if (values.size() > 1) {
        violations.add(new Problem.Violation(name, "may be given once"));
      }
      return values.isEmpty() ? null : values.get(0);
    }

    List<String> codes(String name, List<String> known, String message) {
      List<String> values = all(name);
      if (values.size() > MAX_VALUES) {
        violations.add(new Problem.Violation(name, "may be repeated at most " + MAX_VALUES));
        return List.of();
      }
      List<String> accepted = new ArrayList<>();
      for (String value : values) {
        if (!known.contains(value)) {
          violations.add(new Problem.Violation(name, "'" + value + "' " + message));
        } else if (!accepted.contains(value)) {
          accepted.add(value);
        }
      }
      return accepted;
    }

    boolean bool(String name) {
      String value = one(name);
      if (value == null || value.equals("false")) {
        return false;
      }
      if (value.equals("true")) {
        return true;
      }
      violations.add(new Problem.Violation(name, "must be true or false"));
      return false;
    }

    Integer integer(String name, int min, int max) {
      String value = one(name);
      if (value == null) {
        return null;
      }
      try {
        int parsed = Integer.parseInt(value);
        if (parsed >= min && parsed <= max) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // answered below
      }
      violations.add(
          new Problem.Violation(name, "must be a whole number from " + min + " to " + max));
      return null;
    }

    SelfDeclared.Affiliation.Kind affiliation() {
      String value = one("affiliation");
      if (value == null) {
        return null;
      }
      for (SelfDeclared.Affiliation.Kind kind : SelfDeclared.Affiliation.Kind.values()) {
        if (kind.name().equals(value)) {
          return kind;
        }
      }
      violations.add(new Problem.Violation("affiliation", "must be INDEPENDENT or COMPANY"));
      return null;
    }

    List<String> words() {
      String q = one("q");
      if (q == null) {
        return List.of();
      }
      if (q.length() > MAX_QUERY_LENGTH) {
        violations.add(
            new Problem.Violation("q", "may be at most " + MAX_QUERY_LENGTH + " characters"));
        return List.of();
      }
      List<String> words = JapaneseText.words(q);
      if (words.size() > MAX_WORDS) {
        violations.add(new Problem.Violation("q", "may have at most " + MAX_WORDS + " words"));
        return List.of();
      }
      return words;
    }

    Sort sort() {
      String value = one("sort");
      if (value == null) {
        return Sort.ROTATION;
      }
      for (Sort sort : Sort.values()) {
        if (value.equals(sort.param)) {
          return sort;
        }
      }
      violations.add(new Problem.Violation("sort", "must be fee or yearsRegistered"));
      return Sort.ROTATION;
    }

    Long seed() {
      String value = one("seed");
      if (value == null) {
        return null;
      }
      try {
        long seed = Long.parseLong(value.toLowerCase(Locale.ROOT));
        if (seed >= 0) {
          return seed;
        }
      } catch (NumberFormatException e) {
        // answered below
      }
      violations.add(new Problem.Violation("seed", "must be a non-negative whole number"));
      return null;
    }

    int limit(int defaultLimit, int maxLimit) {
      Integer limit = integer("limit", 1, maxLimit);
      return limit == null ? defaultLimit : limit;
    }

    RankPosition cursor() {
      String value = one(Cursors.PARAM);
      try {
        return Cursors.decode(value, RankPosition.class);
      } catch (ProblemException e) {
        violations.addAll(e.problem().violations());
        return null;
      }
    }

    void throwIfInvalid() {
      if (!violations.isEmpty()) {
        throw new ProblemException(Problems.validation(violations));
      }
    }
  }
}
