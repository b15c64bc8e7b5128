package jp.riss.activelist.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.security.Roles;
import jp.riss.platform.stats.Gini;
import jp.riss.platform.web.Cursors;

/**
 * How search exposure was spread over a period (IPA: the basis of its statistics, and the check
 * that no one is favoured). Whole hours: {@code from} is rounded down, {@code to} up.
 */
@Path("/api/v1/active-list/exposure")
@Produces(MediaType.APPLICATION_JSON)
public class ExposureResource {

  static final Duration LONGEST = Duration.ofDays(366);
  static final int MAX_LIMIT = 1000;

  @Inject ExposureStatistics statistics;
  @Inject ListingSearch search;
  @Context UriInfo uri;

  @GET
  @RolesAllowed({Roles.IPA_ADMIN, Roles.IPA_REVIEWER})
  public ExposureReport report(
      @QueryParam("from") String fromParam,
      @QueryParam("to") String toParam,
      @QueryParam("limit") String limitParam,
      @QueryParam("cursor") @Size(max = 500) String cursor)
      throws SQLException {
    List<Problem.Violation> violations = new ArrayList<>();
    OffsetDateTime to = time("to", toParam, violations);
    OffsetDateTime from = time("from", fromParam, violations);
    int limit = limit(limitParam, violations);
    UUID after = null;
    try {
      after = Cursors.decode(cursor, UUID.class);
    } catch (ProblemException e) {
      violations.addAll(e.problem().violations());
    }
    if (violations.isEmpty()) {
      to = to == null ? ceilHour(OffsetDateTime.now(ZoneOffset.UTC)) : ceilHour(to);
      from = from == null ? to.minusHours(24) : from.truncatedTo(ChronoUnit.HOURS);
      if (!from.isBefore(to)) {
        violations.add(new Problem.Violation("from", "must be before to"));
      } else if (Duration.between(from, to).compareTo(LONGEST) > 0) {
        violations.add(new Problem.Violation("from", "may be at most 366 days before to"));
      }
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
    SearchCodes codes = search.codes();
    List<String> buckets = codes.buckets().stream().map(SearchCodes.PositionBucket::code).toList();
    String top = codes.top().code();
    Map<UUID, Long> topCounts = new HashMap<>(statistics.inBucket(top, from, to));
    statistics.published().forEach(id -> topCounts.putIfAbsent(id, 0L));
    long[] values = topCounts.values().stream().mapToLong(Long::longValue).toArray();
    List<ExposureReport.ListingExposure> items =
        new ArrayList<>(statistics.page(from, to, after, limit + 1, buckets).values());
    boolean more = items.size() > limit;
    if (more) {
      items = items.subList(0, limit);
    }
    return new ExposureReport(
        from,
        to,
        buckets,
        top,
        Gini.of(values),
        values.length,
        java.util.Arrays.stream(values).sum(),
        items,
        more ? Cursors.nextLink(uri, items.get(limit - 1).listingId()) : null);
  }

  private static OffsetDateTime time(String name, String value, List<Problem.Violation> out) {
    if (value == null) {
      return null;
    }
    try {
      // An unencoded "+" of the offset arrives as a space.
      return OffsetDateTime.parse(value.replace(' ', '+')).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      out.add(
          new Problem.Violation(
              name, "must be a date-time with offset, e.g. 2026-04-01T00:00:00+09:00"));
      return null;
    }
  }

  private static int limit(String value, List<Problem.Violation> out) {
    if (value == null) {
      return 100;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    out.add(new Problem.Violation("limit", "must be a whole number from 1 to " + MAX_LIMIT));
    return 0;
  }

  private static OffsetDateTime ceilHour(OffsetDateTime t) {
    OffsetDateTime floor = t.truncatedTo(ChronoUnit.HOURS);
    return floor.equals(t) ? t : floor.plusHours(1);
  }
}
