package jp.riss.activelist.paging;

import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Cursors;
import jp.riss.platform.web.Ids;

/**
 * Keyset paging newest first by a timestamp, ties broken by id, for the Panache lists of inquiries,
 * consultation events and engagements. The cursor is the last item's position.
 */
public final class NewestFirst {

  record Position(String at, String id) {}

  /** One page and the relative link to the next, or null when it is the last. */
  public record Page<T>(List<T> items, String next) {}

  private final String timeField;

  /**
   * @param timeField the entity's timestamp field, e.g. {@code createdAt}
   */
  public NewestFirst(String timeField) {
    this.timeField = timeField;
  }

  /** Appends "after the cursor" and the order to a query whose conditions are already there. */
  public void apply(StringBuilder query, Map<String, Object> params, String cursor) {
    Position after = Cursors.decode(cursor, Position.class);
    if (after != null) {
      query.append(" and (%1$s < :at or (%1$s = :at and id < :id))".formatted(timeField));
      params.put("at", time(after.at()));
      params.put("id", Ids.uuid(Cursors.PARAM, after.id()));
    }
    query.append(" order by %s desc, id desc".formatted(timeField));
  }

  /**
   * @param found up to {@code limit + 1} rows of the query, so that a further page is known
   */
  public <T> Page<T> page(
      List<T> found,
      int limit,
      Function<T, OffsetDateTime> time,
      Function<T, UUID> id,
      UriInfo uri) {
    if (found.size() <= limit) {
      return new Page<>(found, null);
    }
    List<T> page = found.subList(0, limit);
    T last = page.get(limit - 1);
    return new Page<>(
        page,
        Cursors.nextLink(
            uri, new Position(time.apply(last).toString(), id.apply(last).toString())));
  }

  private static OffsetDateTime time(String value) {
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(Cursors.PARAM, "is not a cursor this API issued");
    }
  }
}
