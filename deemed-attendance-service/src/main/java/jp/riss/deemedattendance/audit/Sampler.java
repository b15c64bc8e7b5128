package jp.riss.deemedattendance.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The sample-audit draw, deterministic so that anyone holding the recorded seed and population can
 * recompute it: per stratum, the population sorted by id (canonical text), a Fisher–Yates shuffle
 * driven by {@code SplittableRandom(seed XOR hash(stratum))}, the first ceil(rate × n) taken.
 * {@code String.hashCode} and {@code SplittableRandom} are both specified exactly by the JDK, so
 * the result does not depend on the JVM or the machine.
 */
public final class Sampler {

  /** Recorded with each draw; a changed algorithm must get a new name. */
  public static final String ALGORITHM =
      "sort-by-id+fisher-yates(SplittableRandom(seed^hash(stratum)))+ceil(rate*n)";

  private Sampler() {}

  /** The population in the order the draw records it. */
  public static List<UUID> order(List<UUID> population) {
    List<UUID> sorted = new ArrayList<>(population);
    sorted.sort(Comparator.comparing(UUID::toString));
    return sorted;
  }

  /** How many of {@code n} a rate selects: ceil(rate × n), exact in decimal. */
  public static int size(BigDecimal rate, int n) {
    return rate.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).intValueExact();
  }

  /** The selection, in draw order, from a population already in {@link #order} order. */
  public static List<UUID> select(long seed, String stratum, BigDecimal rate, List<UUID> ordered) {
    List<UUID> shuffled = new ArrayList<>(ordered);
    SplittableRandom random = new SplittableRandom(seed ^ stratum.hashCode());
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      UUID swap = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, swap);
    }
    return List.copyOf(shuffled.subList(0, Math.min(size(rate, ordered.size()), ordered.size())));
  }
}
