package jp.riss.guide.specialists;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import jp.riss.guide.web.SqlValues;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The open listed cards a recommendation can draw on, per match key, kept in memory for a short
 * while. Every gap of every diagnosis asks for the candidates of its themes in its prefecture; the
 * same few hundred keys (47 prefectures × the guidance themes, and online per theme) serve them
 * all, and reading the candidates from the table each time cost a scan of hundreds of rows per gap.
 * Ordering and picking the few shown happens per request on these candidates ({@link
 * SpecialistCards#match}).
 *
 * <p>How fresh: every transaction that changes the read model bumps one counter row (V41) in the
 * same commit ({@link #changing()}). A request reads that row once and uses a key's candidates only
 * if they were loaded at the same count, so a listing event is visible to the next recommendation
 * as soon as its transaction commits, whichever replica's consumer applied it. A key is also
 * reloaded after {@code riss.guide.closers.candidates-fresh-for} at the latest, so nothing in
 * memory outlives that bound even if the table were changed behind the consumer's back.
 *
 * <p>What a reload costs: a key is read by one request at a time, the others asking for it
 * meanwhile wait for its result rather than each reading the same rows; and each load lives a
 * random span between half the bound and the bound, so keys first loaded together (every key in the
 * first seconds after a start) do not all run out in the same second again and again. Both were
 * measured: at 32 concurrent companies every key ran out at once a minute after the start and the
 * reloads took 43 % of the service's CPU (bench/guide-recommendations).
 */
@ApplicationScoped
public class MatchCandidates {

  /** A card that takes inquiries; {@code accepting} false means LIMITED room. */
  public record Card(
      UUID listingId,
      String displayName,
      List<String> prefectures,
      List<Integer> themes,
      boolean onlineNationwide,
      boolean firstConsultationFree,
      String availability,
      List<String> verified) {

    boolean accepting() {
      return availability == null || "ACCEPTING".equals(availability);
    }
  }

  private record Loaded(List<Card> cards, long generation, long expiresAt) {

    boolean usableAt(long generation, long now) {
      return this.generation == generation && now - expiresAt < 0;
    }
  }

  private static final String COLUMNS =
      """
      SELECT listing_id, display_name, prefectures, themes, online_nationwide,
             first_consultation_free, availability, verified
        FROM specialist_card
       WHERE listed
         AND (availability IS NULL OR availability IN ('ACCEPTING', 'LIMITED'))
      """;

  /** Through the partial GIN index of open cards' prefecture:theme pairs (V40). */
  private static final String IN_PREFECTURE =
      COLUMNS + " AND specialist_match_keys(prefectures, themes) && CAST(?1 AS text[])";

  /** Through the partial index of open online cards (V40). */
  private static final String ONLINE =
      COLUMNS + " AND online_nationwide AND themes && CAST(?1 AS integer[])";

  @Inject EntityManager em;
  @Inject TransactionSynchronizationRegistry transactions;

  @ConfigProperty(name = "riss.guide.closers.candidates-fresh-for")
  Duration freshFor;

  private final ConcurrentHashMap<String, Loaded> byKey = new ConcurrentHashMap<>();
  // One monitor per key: held while the key is read, so its other readers wait for that read.
  private final ConcurrentHashMap<String, Object> loading = new ConcurrentHashMap<>();
  private final AtomicLong reads = new AtomicLong();

  /** Open cards offering {@code theme} that work in {@code prefecture}. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Card> inPrefecture(String prefecture, int theme) {
    String key = prefecture + ":" + theme;
    return candidates("p" + key, IN_PREFECTURE, "{\"" + key + "\"}");
  }

  /** Open cards offering {@code theme} that work online across Japan. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Card> online(int theme) {
    return candidates("o" + theme, ONLINE, "{" + theme + "}");
  }

  /** Called in the transaction that changes the read model: the count moves with its commit. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void changing() {
    em.createNativeQuery(
            "UPDATE specialist_card_generation SET generation = generation + 1 WHERE single")
        .executeUpdate();
  }

  /** How many times the cards of a key were read from the table since the start. */
  long reads() {
    return reads.get();
  }

  private List<Card> candidates(String key, String sql, String filter) {
    long current = generation();
    Loaded kept = byKey.get(key);
    if (kept != null && kept.usableAt(current, System.nanoTime())) {
      return kept.cards();
    }
    synchronized (loading.computeIfAbsent(key, k -> new Object())) {
      // A request that waited here usually finds what the one before it has just read.
      long now = System.nanoTime();
      kept = byKey.get(key);
      if (kept != null && kept.usableAt(current, now)) {
        return kept.cards();
      }
      reads.incrementAndGet();
      Loaded loaded = new Loaded(read(sql, filter), current, now + lifetime());
      // A request of an older generation must not replace what a newer one read.
      byKey.merge(key, loaded, (old, mine) -> old.generation() > mine.generation() ? old : mine);
      return loaded.cards();
    }
  }

  /** Between half the freshness bound and the bound, at random (see the class comment). */
  private long lifetime() {
    long bound = freshFor.toNanos();
    return bound - ThreadLocalRandom.current().nextLong(bound / 2 + 1);
  }

  /**
   * The read model's change count, read once per transaction (a diagnosis's gaps ask for several
   * keys): the candidates used in one answer all belong to the same state.
   */
  private long generation() {
    Object seen = transactions.getResource(MatchCandidates.class);
    if (seen instanceof Long count) {
      return count;
    }
    long count =
        ((Number)
                em.createNativeQuery("SELECT generation FROM specialist_card_generation")
                    .getSingleResult())
            .longValue();
    transactions.putResource(MatchCandidates.class, count);
    return count;
  }

  @SuppressWarnings("unchecked")
  private List<Card> read(String sql, String filter) {
    List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, filter).getResultList();
    return rows.stream()
        .map(
            r ->
                new Card(
                    (UUID) r[0],
                    (String) r[1],
                    Arrays.asList((String[]) SqlValues.array(r[2])),
                    Arrays.asList((Integer[]) SqlValues.array(r[3])),
                    (Boolean) r[4],
                    (Boolean) r[5],
                    (String) r[6],
                    Arrays.asList((String[]) SqlValues.array(r[7]))))
        .toList();
  }
}
