package jp.riss.platform.web;

import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where a page ordered by (a timestamp, an id) ended: the position a keyset cursor carries. The id
 * breaks ties between rows written in the same microsecond, so no row is skipped or shown twice
 * across pages. Its cursor is {@link Cursors}' opaque form; one that does not decode to a whole
 * position is a 400 naming {@code cursor}.
 */
public record Keyset(OffsetDateTime at, UUID id) {

  /** The named parameters {@link Order#after} binds. */
  public static final String AT = "at";

  public static final String ID = "id";

  public Keyset {
    // A cursor missing either key is not one we issued: refused while it is decoded.
    if (at == null || id == null) {
      throw new IllegalArgumentException("a keyset position needs a time and an id");
    }
  }

  /** The direction of a list; each service keeps its own, the comparison follows from it. */
  public enum Order {
    NEWEST_FIRST("<", " desc"),
    OLDEST_FIRST(">", "");

    private final String beyond;
    private final String direction;

    Order(String beyond, String direction) {
      this.beyond = beyond;
      this.direction = direction;
    }

    /**
     * The JPQL condition "after the position" on the time and id paths (e.g. {@code a.createdAt},
     * {@code a.id}), with the parameters {@code :at} and {@code :id}.
     */
    public String after(String time, String id) {
      return "(%1$s %3$s :at or (%1$s = :at and %2$s %3$s :id))".formatted(time, id, beyond);
    }

    /** The ORDER BY list that matches {@link #after}. */
    public String orderBy(String time, String id) {
      return time + direction + ", " + id + direction;
    }

    /**
     * Completes a query built as text with named parameters (Panache's form) whose conditions are
     * already there: " and" the position's condition when there is one, then the order.
     */
    public void appendTo(
        StringBuilder query, Map<String, Object> params, Keyset after, String time, String id) {
      query.append(continuing(after, time, id));
      if (after != null) {
        params.putAll(after.parameters());
      }
    }

    /**
     * What follows a query's conditions: " and" the position's condition when there is one (bind it
     * with {@link Keyset#bind}), then the order.
     */
    public String continuing(Keyset after, String time, String id) {
      return (after == null ? "" : " and " + after(time, id)) + " order by " + orderBy(time, id);
    }
  }

  /** One page of rows and the position after its last one, or null when it is the last page. */
  public record Page<T>(List<T> items, Keyset next) {

    public <R> Page<R> map(Function<T, R> view) {
      return new Page<>(items.stream().map(view).toList(), next);
    }

    /** The relative link to the next page, or null. */
    public String nextLink(UriInfo uri) {
      return link(uri, next);
    }
  }

  /**
   * @param found up to {@code limit + 1} rows of the query, the extra one saying a page follows
   */
  public static <T> Page<T> page(
      List<T> found, int limit, Function<T, OffsetDateTime> at, Function<T, UUID> id) {
    if (found.size() <= limit) {
      return new Page<>(found, null);
    }
    T last = found.get(limit - 1);
    return new Page<>(found.subList(0, limit), new Keyset(at.apply(last), id.apply(last)));
  }

  /**
   * Runs a JPQL query written with {@link Order#after} (when there is a position) and its order,
   * binding the position, and reads one row more than the page to know whether another follows.
   */
  public static <T> Page<T> page(
      TypedQuery<T> query,
      Keyset after,
      int limit,
      Function<T, OffsetDateTime> at,
      Function<T, UUID> id) {
    return page(bind(query, after).setMaxResults(limit + 1).getResultList(), limit, at, id);
  }

  /** Binds {@code :at} and {@code :id} of {@link Order#after} when there is a position. */
  public static <T> TypedQuery<T> bind(TypedQuery<T> query, Keyset after) {
    if (after != null) {
      query.setParameter(AT, after.at()).setParameter(ID, after.id());
    }
    return query;
  }

  /**
   * @return the position a cursor names, or null (no cursor) for the first page
   * @throws jp.riss.platform.problem.ProblemException 400 naming {@code cursor} when it is not one
   *     this API issued
   */
  public static Keyset decode(String cursor) {
    return Cursors.decode(cursor, Keyset.class);
  }

  public String cursor() {
    return Cursors.encode(this);
  }

  /** The link to the page after the row at (at, id). */
  public static String next(UriInfo uri, OffsetDateTime at, UUID id) {
    return Cursors.nextLink(uri, new Keyset(at, id));
  }

  /** The link to the page after {@code next}, or null when there is none. */
  public static String link(UriInfo uri, Keyset next) {
    return next == null ? null : Cursors.nextLink(uri, next);
  }

  /** {@code :at} and {@code :id} of {@link Order#after}. */
  public Map<String, Object> parameters() {
    return Map.of(AT, at, ID, id);
  }
}
