package jp.riss.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import jp.riss.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class CursorsTest {

  /** A keyset position as services write them: a timestamp and an id. */
  record Position(OffsetDateTime at, UUID id) {}

  @Test
  void aPositionWithATimestampComesBackExactlyWithItsMicrosecondsAndOffset() {
    Position position =
        new Position(
            OffsetDateTime.of(2026, 12, 6, 18, 30, 5, 123_456_000, ZoneOffset.ofHours(9)),
            UUID.randomUUID());
    assertEquals(position, Cursors.decode(Cursors.encode(position), Position.class));
  }

  @Test
  void noCursorIsTheFirstPageAndAForeignOneIsA400NamingIt() {
    assertNull(Cursors.decode(null, Position.class));
    for (String foreign :
        new String[] {
          "bogus!",
          Cursors.encode(new java.util.HashMap<>(java.util.Map.of("at", "yesterday"))),
          Cursors.encode(java.util.Map.of("at", "2026-12-06T00:00:00Z", "other", 1))
        }) {
      ProblemException refused =
          assertThrows(ProblemException.class, () -> Cursors.decode(foreign, Position.class));
      assertEquals(400, refused.problem().status());
      assertEquals(Cursors.PARAM, refused.problem().violations().get(0).field());
    }
  }
}
