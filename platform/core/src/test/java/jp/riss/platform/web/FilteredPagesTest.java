package jp.riss.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class FilteredPagesTest {

  private static final OffsetDateTime NINE =
      OffsetDateTime.of(2026, 12, 6, 9, 0, 0, 0, ZoneOffset.ofHours(9));

  record Row(OffsetDateTime at, UUID id, boolean visible) {}

  /** An oldest-first list held in memory, read the way the keyset query reads its table. */
  static final class Table implements FilteredPages.Rows<Row> {
    final List<Row> rows = new ArrayList<>();
    final List<Integer> reads = new ArrayList<>();

    Table(int count, Predicate<Integer> visible) {
      for (int i = 0; i < count; i++) {
        // Three rows share each time: the id alone orders them.
        rows.add(new Row(NINE.plusMinutes(i / 3), UUID.randomUUID(), visible.test(i)));
      }
      rows.sort(Comparator.comparing(Row::at).thenComparing(Row::id));
    }

    @Override
    public List<Row> after(Keyset after, int max) {
      List<Row> batch =
          rows.stream()
              .filter(
                  r ->
                      after == null
                          || r.at().isAfter(after.at())
                          || (r.at().isEqual(after.at()) && r.id().compareTo(after.id()) > 0))
              .limit(max)
              .toList();
      reads.add(batch.size());
      return batch;
    }

    List<Row> visible() {
      return rows.stream().filter(Row::visible).toList();
    }

    Keyset.Page<Row> page(Keyset after, int limit) {
      return FilteredPages.fill(this, after, limit, Row::visible, Row::at, Row::id);
    }
  }

  @Test
  void aPageLeavesOutHiddenRowsAndEndsAtItsLastShownRow() {
    Table table = new Table(30, i -> i % 2 == 0);
    Keyset.Page<Row> page = table.page(null, 5);
    assertEquals(table.visible().subList(0, 5), page.items());
    Row last = table.visible().get(4);
    assertEquals(new Keyset(last.at(), last.id()), page.next());
    assertEquals(List.of(30), table.reads);
  }

  @Test
  void rowsHiddenBeyondOneBatchAreReadPastUntilThePageIsFull() {
    // Only every 150th row is shown: three of them need three batches.
    int count = 2 * FilteredPages.BATCH + 50;
    Table table = new Table(count, i -> i % 150 == 149);
    Keyset.Page<Row> page = table.page(null, 3);
    assertEquals(table.visible(), page.items());
    Row last = table.visible().get(2);
    assertEquals(new Keyset(last.at(), last.id()), page.next());
    assertEquals(List.of(FilteredPages.BATCH, FilteredPages.BATCH, 50), table.reads);
  }

  @Test
  void whenTheRowsRunOutFirstThePageIsShortAndHasNoNext() {
    Table table = new Table(FilteredPages.BATCH + 10, i -> i % 100 == 0);
    Keyset.Page<Row> page = table.page(null, 5);
    assertEquals(table.visible(), page.items());
    assertEquals(3, page.items().size());
    assertNull(page.next());
    // A short batch says the list has ended: no query for rows that cannot be there.
    assertEquals(List.of(FilteredPages.BATCH, 10), table.reads);
  }

  @Test
  void aPageFilledByTheVeryLastRowStillNamesANextWhichIsEmpty() {
    Table table = new Table(6, i -> i < 4);
    Keyset.Page<Row> full = table.page(null, 4);
    assertEquals(table.visible(), full.items());
    Keyset.Page<Row> after = table.page(full.next(), 4);
    assertEquals(List.of(), after.items());
    assertNull(after.next());
  }

  @Test
  void walkingThePagesShowsEveryVisibleRowOnceInOrderAcrossTiesAndBatches() {
    Table table = new Table(3 * FilteredPages.BATCH + 7, i -> i % 7 != 3);
    List<Row> seen = new ArrayList<>();
    Keyset next = null;
    int pages = 0;
    do {
      Keyset.Page<Row> page = table.page(next, 50);
      seen.addAll(page.items());
      next = page.next();
      pages++;
    } while (next != null && pages < 100);
    assertEquals(table.visible(), seen);
  }

  @Test
  void theFirstPageOfAPositionStartsAfterItNotAtIt() {
    Table table = new Table(9, i -> true);
    Row third = table.rows.get(2);
    Keyset.Page<Row> page = table.page(new Keyset(third.at(), third.id()), 2);
    assertEquals(table.rows.subList(3, 5), page.items());
  }
}
