package jp.riss.platform.web;

import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A keyset page of a list whose rows are partly chosen in Java (who may see a row is decided per
 * caller, from rules SQL does not hold): rows are read in batches after the position and sifted
 * until the page is full or the rows run out. The position moves past every row read, shown or not,
 * so the next page starts where this one stopped and never shows a row twice.
 */
public final class FilteredPages {

  /** Rows one query reads: a page is usually filled by the first batch. */
  public static final int BATCH = 200;

  /** The list's rows in its order, read a batch at a time. */
  @FunctionalInterface
  public interface Rows<T> {
    /**
     * @param after the position to read after, or null for the first rows
     * @return up to {@code max} rows after it; fewer only when the list has no more
     */
    List<T> after(Keyset after, int max);
  }

  private FilteredPages() {}

  /**
   * The rows of a JPQL query built for a position: its conditions then {@link
   * Keyset.Order#continuing}; the position is bound and the batch's size set here.
   */
  public static <T> Rows<T> query(Function<Keyset, TypedQuery<T>> query) {
    return (after, max) ->
        Keyset.bind(query.apply(after), after).setMaxResults(max).getResultList();
  }

  /**
   * @return up to {@code limit} shown rows after {@code after}; {@code next} is the position of the
   *     last one when the page is full (the page after it may be empty), null when the rows ran out
   *     first
   */
  public static <T> Keyset.Page<T> fill(
      Rows<T> rows,
      Keyset after,
      int limit,
      Predicate<T> shown,
      Function<T, OffsetDateTime> at,
      Function<T, UUID> id) {
    List<T> items = new ArrayList<>();
    Keyset position = after;
    while (items.size() < limit) {
      List<T> batch = rows.after(position, BATCH);
      for (T row : batch) {
        position = new Keyset(at.apply(row), id.apply(row));
        if (shown.test(row)) {
          items.add(row);
          if (items.size() == limit) {
            return new Keyset.Page<>(items, position);
          }
        }
      }
      if (batch.size() < BATCH) {
        break;
      }
    }
    return new Keyset.Page<>(items, null);
  }
}
