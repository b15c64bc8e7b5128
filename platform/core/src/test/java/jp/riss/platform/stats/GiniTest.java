package jp.riss.platform.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GiniTest {

  @Test
  void giniIsZeroForEqualSharesAndNearOneForOneTakingAll() {
    assertEquals(0.0, Gini.of(new long[] {5, 5, 5, 5}), 1e-9);
    assertEquals(0.75, Gini.of(new long[] {0, 0, 0, 8}), 1e-9);
  }

  @Test
  void nothingToShareIsEven() {
    assertEquals(0.0, Gini.of(new long[] {}), 1e-9);
    assertEquals(0.0, Gini.of(new long[] {0, 0, 0}), 1e-9);
  }
}
