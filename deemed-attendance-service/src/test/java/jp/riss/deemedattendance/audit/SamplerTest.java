package jp.riss.deemedattendance.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The draw algorithm: recomputable from the seed alone, whatever order the population came in. */
class SamplerTest {

  static List<UUID> population(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> UUID.nameUUIDFromBytes(("application-" + i).getBytes()))
        .toList();
  }

  @Test
  void theSizeIsTheCeilingOfRateTimesN() {
    assertEquals(0, Sampler.size(new BigDecimal("0.05"), 0));
    assertEquals(1, Sampler.size(new BigDecimal("0.05"), 1));
    assertEquals(1, Sampler.size(new BigDecimal("0.05"), 20));
    assertEquals(2, Sampler.size(new BigDecimal("0.05"), 21));
    assertEquals(3, Sampler.size(new BigDecimal("0.1"), 30), "exact in decimal, not 3.0000000004");
    assertEquals(0, Sampler.size(BigDecimal.ZERO, 50));
    assertEquals(50, Sampler.size(BigDecimal.ONE, 50));
  }

  @Test
  void theSameSeedAndPopulationGiveTheSameSelectionInAnyInputOrder() {
    List<UUID> shuffled = new ArrayList<>(population(200));
    Collections.shuffle(shuffled);
    List<UUID> a =
        Sampler.select(
            42L, "CLIENT_ATTESTED", new BigDecimal("0.05"), Sampler.order(population(200)));
    List<UUID> b =
        Sampler.select(42L, "CLIENT_ATTESTED", new BigDecimal("0.05"), Sampler.order(shuffled));
    assertEquals(10, a.size());
    assertEquals(a, b);
    assertEquals(10, new HashSet<>(a).size(), "no application twice");
    assertTrue(population(200).containsAll(a));
  }

  @Test
  void anotherSeedOrStratumDrawsOtherApplications() {
    List<UUID> ordered = Sampler.order(population(200));
    BigDecimal rate = new BigDecimal("0.05");
    List<UUID> base = Sampler.select(42L, "CLIENT_ATTESTED", rate, ordered);
    assertNotEquals(base, Sampler.select(43L, "CLIENT_ATTESTED", rate, ordered));
    assertNotEquals(base, Sampler.select(42L, "EMPLOYER_ATTESTED", rate, ordered));
  }

  @Test
  void aFixedSeedGivesAFixedSelection() {
    // Pinned: a change of the algorithm must not pass unnoticed (old draws could not be re-run).
    List<UUID> ordered = Sampler.order(population(10));
    List<UUID> selected = Sampler.select(7L, "EMPLOYER_ATTESTED", new BigDecimal("0.3"), ordered);
    assertEquals(3, selected.size());
    assertEquals(PINNED, selected.stream().map(ordered::indexOf).toList());
  }

  // Computed once with the algorithm as recorded in Sampler.ALGORITHM; indexes into the sorted
  // population.
  static final List<Integer> PINNED = List.of(2, 7, 6);
}
