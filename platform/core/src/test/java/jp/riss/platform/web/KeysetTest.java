package jp.riss.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class KeysetTest {

  private static final OffsetDateTime NINE_THIRTY =
      OffsetDateTime.of(2026, 12, 6, 9, 30, 0, 123_456_000, ZoneOffset.ofHours(9));

  record Row(OffsetDateTime at, UUID id) {}

  @Test
  void aPositionComesBackFromItsCursorExactlyWithMicrosecondsAndOffset() {
    Keyset position = new Keyset(NINE_THIRTY, UUID.randomUUID());
    assertEquals(position, Keyset.decode(position.cursor()));
  }

  @Test
  void noCursorIsTheFirstPage() {
    assertNull(Keyset.decode(null));
  }

  @Test
  void aMalformedOrForeignCursorIsA400NamingCursor() {
    String id = UUID.randomUUID().toString();
    List<String> foreign = new ArrayList<>();
    foreign.add("not-a-cursor!");
    foreign.add(base64("[1,2]"));
    foreign.add(base64("{\"at\":\"yesterday\",\"id\":\"" + id + "\"}"));
    foreign.add(base64("{\"at\":\"2026-12-06T09:30:00Z\",\"id\":\"not-a-uuid\"}"));
    foreign.add(base64("{\"at\":\"2026-12-06T09:30:00Z\"}"));
    foreign.add(base64("{\"id\":\"" + id + "\"}"));
    foreign.add(base64("{\"at\":\"2026-12-06T09:30:00Z\",\"id\":\"" + id + "\",\"rank\":1}"));
    // Another list's cursor (here a feed position) is not a keyset position either.
    foreign.add(Cursors.encode(new HashMap<>(Map.of("after", 5))));
    for (String cursor : foreign) {
      ProblemException refused = assertThrows(ProblemException.class, () -> Keyset.decode(cursor));
      assertEquals(400, refused.problem().status(), cursor);
      assertEquals(Cursors.PARAM, refused.problem().violations().get(0).field(), cursor);
    }
  }

  @Test
  void aPageEndsAtItsLastRowWhenAnotherFollowsAndHasNoNextOtherwise() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rows.add(new Row(NINE_THIRTY.minusMinutes(i), UUID.randomUUID()));
    }
    Keyset.Page<Row> first = Keyset.page(rows, 2, Row::at, Row::id);
    assertEquals(rows.subList(0, 2), first.items());
    assertEquals(new Keyset(rows.get(1).at(), rows.get(1).id()), first.next());

    Keyset.Page<Row> last = Keyset.page(rows.subList(2, 3), 2, Row::at, Row::id);
    assertEquals(List.of(rows.get(2)), last.items());
    assertNull(last.next());
    assertNull(last.nextLink(null));
  }

  @Test
  void eachOrderComparesAndSortsTheWayItsListRuns() {
    assertEquals(
        "(a.createdAt < :at or (a.createdAt = :at and a.id < :id))",
        Keyset.Order.NEWEST_FIRST.after("a.createdAt", "a.id"));
    assertEquals(
        "a.createdAt desc, a.id desc", Keyset.Order.NEWEST_FIRST.orderBy("a.createdAt", "a.id"));
    assertEquals(
        "(s.submittedAt > :at or (s.submittedAt = :at and s.listingId > :id))",
        Keyset.Order.OLDEST_FIRST.after("s.submittedAt", "s.listingId"));
    assertEquals(
        "s.submittedAt, s.listingId",
        Keyset.Order.OLDEST_FIRST.orderBy("s.submittedAt", "s.listingId"));
  }

  @Test
  void aQueryContinuesWithThePositionsConditionOnlyWhenThereIsOne() {
    assertEquals(
        " order by o.deadline, o.id",
        Keyset.Order.OLDEST_FIRST.continuing(null, "o.deadline", "o.id"));
    assertEquals(
        " and (o.deadline > :at or (o.deadline = :at and o.id > :id)) order by o.deadline, o.id",
        Keyset.Order.OLDEST_FIRST.continuing(
            new Keyset(NINE_THIRTY, UUID.randomUUID()), "o.deadline", "o.id"));
  }

  @Test
  void aQueryWithoutAPositionIsOnlyOrderedAndOneWithItBindsItsTimeAndId() {
    StringBuilder first = new StringBuilder("owner = :owner");
    Map<String, Object> none = new HashMap<>();
    Keyset.Order.NEWEST_FIRST.appendTo(first, none, null, "createdAt", "id");
    assertEquals("owner = :owner order by createdAt desc, id desc", first.toString());
    assertEquals(Map.of(), none);

    Keyset after = new Keyset(NINE_THIRTY, UUID.randomUUID());
    StringBuilder next = new StringBuilder("owner = :owner");
    Map<String, Object> params = new HashMap<>();
    Keyset.Order.NEWEST_FIRST.appendTo(next, params, after, "createdAt", "id");
    assertEquals(
        "owner = :owner and (createdAt < :at or (createdAt = :at and id < :id))"
            + " order by createdAt desc, id desc",
        next.toString());
    assertEquals(Map.of("at", after.at(), "id", after.id()), params);
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
