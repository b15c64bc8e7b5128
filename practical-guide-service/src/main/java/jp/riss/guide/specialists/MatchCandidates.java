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

  private record Loaded(List<Card> cards, long generation, long loadedAt) {}

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

  private List<Card> candidates(String key, String sql, String filter) {
    long now = System.nanoTime();
    long current = generation();
    Loaded kept = byKey.get(key);
    if (kept != null
        && kept.generation() == current
        && now - kept.loadedAt() < freshFor.toNanos()) {
      return kept.cards();
    }
    Loaded loaded = new Loaded(read(sql, filter), current, now);
    byKey.put(key, loaded);
    return loaded.cards();
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
