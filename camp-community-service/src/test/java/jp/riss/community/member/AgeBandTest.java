package jp.riss.community.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Age bands at their edges, on the birthday itself and the day before. */
class AgeBandTest {

  @ParameterizedTest(name = "born {0}, on {1}: {2}")
  @CsvSource({
    "2013-06-10, 2025-06-09, child",
    "2012-06-10, 2025-06-09, child",
    "2012-06-10, 2025-06-10, junior",
    "2009-06-10, 2025-06-09, junior",
    "2009-06-10, 2025-06-10, teen",
    "2007-06-10, 2025-06-09, teen",
    "2007-06-10, 2025-06-10, adult",
    "2008-02-29, 2026-02-28, teen",
    "2008-02-29, 2026-03-01, adult"
  })
  void bands(LocalDate born, LocalDate on, String band) {
    assertEquals(band, AgeBand.of(born, on).code);
  }
}
