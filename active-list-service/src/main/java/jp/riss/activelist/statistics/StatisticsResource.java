package jp.riss.activelist.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.security.Roles;

/** IPA's view of the list as a whole (issue 3 §6). */
@Path("/api/v1/active-list/statistics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
public class StatisticsResource {

  @Inject Clock clock;

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  @Inject ListingStatistics statistics;

  public record Listings(List<ListingStatistics.ListingCount> items) {}

  public record Demand(LocalDate from, LocalDate to, List<ListingStatistics.DemandCount> items) {}

  public record MonthlyDemand(
      YearMonth from, YearMonth to, int minimumCell, List<ListingStatistics.MonthlyDemand> items) {}

  public record Inquiries(
      YearMonth from, YearMonth to, List<ListingStatistics.MonthCount> months) {}

  /** Japan months, both inclusive; without a period the last 12 months; at most 60 months. */
  @GET
  @Path("/inquiries")
  public Inquiries inquiries(@QueryParam("from") String from, @QueryParam("to") String to) {
    Months months = months(from, to);
    return new Inquiries(
        months.first(), months.last(), statistics.inquiriesByMonth(months.first(), months.last()));
  }

  /** A period of Japan months, both inclusive. */
  record Months(YearMonth first, YearMonth last) {}

  /** Without a period the last 12 months; at most 60 months. */
  private Months months(String from, String to) {
    YearMonth last = month("to", to, YearMonth.now(clock.withZone(JAPAN)));
    YearMonth first = month("from", from, last.minusMonths(11));
    if (first.isAfter(last)) {
      throw ProblemException.badRequest("from", "must not be after to");
    }
    if (first.plusMonths(59).isBefore(last)) {
      throw ProblemException.badRequest("from", "must be at most 60 months before to");
    }
    return new Months(first, last);
  }

  static YearMonth month(String name, String value, YearMonth otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(name, "must be a month such as 2026-04");
    }
  }

  @GET
  @Path("/listings")
  public Listings listings() {
    return new Listings(statistics.listings());
  }

  /**
   * Self-diagnosis demand per Japan month × prefecture × theme, both months inclusive; without a
   * period the last 12 months; at most 60 months. Cells under five diagnoses are suppressed.
   */
  @GET
  @Path("/demand/monthly")
  public MonthlyDemand monthlyDemand(@QueryParam("from") String from, @QueryParam("to") String to) {
    Months months = months(from, to);
    return new MonthlyDemand(
        months.first(),
        months.last(),
        ListingStatistics.MINIMUM_CELL,
        statistics.monthlyDemand(months.first(), months.last()));
  }

  /** Days are Japan days; {@code to} is inclusive. Without a period, the last 365 days. */
  @GET
  @Path("/demand")
  public Demand demand(@QueryParam("from") String from, @QueryParam("to") String to) {
    LocalDate last = date("to", to, LocalDate.now(clock.withZone(JAPAN)));
    LocalDate first = date("from", from, last.minusDays(364));
    if (first.isAfter(last)) {
      throw ProblemException.badRequest("from", "must not be after to");
    }
    return new Demand(
        first,
        last,
        statistics.demand(
            first.atStartOfDay(JAPAN).toOffsetDateTime(),
            last.plusDays(1).atStartOfDay(JAPAN).toOffsetDateTime()));
  }

  static LocalDate date(String name, String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(name, "must be a date such as 2026-04-01");
    }
  }
}
