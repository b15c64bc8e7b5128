package jp.riss.guide.specialists;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import jp.riss.guide.web.SqlValues;

/** The read model: applying snapshots and finding listed specialists. */
@ApplicationScoped
public class SpecialistCards {

  // The rotation turns at midnight where the SMEs are.
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Inject EntityManager em;
  @Inject MatchCandidates candidates;

  /** Applies a snapshot unless a later public revision of that listing is already stored. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(ListingSnapshot s) {
    em.createNativeQuery(
            """
            INSERT INTO specialist_card (listing_id, registration_number, display_name,
                prefectures, themes, listed, source_version, updated_at, online_nationwide,
                first_consultation_free, availability, verified, source_revision)
            VALUES (?1, ?2, ?3, CAST(?4 AS text[]), CAST(?5 AS integer[]), ?6, ?7, now(), ?8, ?9,
                ?10, CAST(?11 AS text[]), ?12)
            ON CONFLICT (listing_id) DO UPDATE SET
                registration_number = EXCLUDED.registration_number,
                display_name = EXCLUDED.display_name,
                prefectures = EXCLUDED.prefectures,
                themes = EXCLUDED.themes,
                listed = EXCLUDED.listed,
                source_version = EXCLUDED.source_version,
                updated_at = EXCLUDED.updated_at,
                online_nationwide = EXCLUDED.online_nationwide,
                first_consultation_free = EXCLUDED.first_consultation_free,
                availability = EXCLUDED.availability,
                verified = EXCLUDED.verified,
                source_revision = EXCLUDED.source_revision
            WHERE specialist_card.source_revision < EXCLUDED.source_revision
            """)
        .setParameter(1, s.listingId())
        .setParameter(2, s.registrationNumber())
        .setParameter(3, s.displayName())
        .setParameter(4, arrayLiteral(s.prefectures()))
        .setParameter(5, arrayLiteral(s.themes()))
        .setParameter(6, s.isListed())
        .setParameter(7, s.version())
        .setParameter(8, s.onlineNationwide())
        .setParameter(9, s.firstConsultationFree())
        .setParameter(10, s.availability())
        .setParameter(11, arrayLiteral(s.verifiedOrNone()))
        .setParameter(12, s.revision())
        .executeUpdate();
    candidates.changing();
  }

  /**
   * Listed specialists for a gap: offering any of {@code themes}, working in {@code prefecture}
   * (first) or online across Japan (after them), and taking inquiries (not NOT_ACCEPTING, not
   * AT_CAPACITY). Those accepting freely come before those with limited room. Among equals the
   * order is a hash of the listing id and {@code seed}: each diagnosis sees its own shuffle, so the
   * top places are shared out instead of going to the same listings every time.
   *
   * <p>The candidates come from {@link MatchCandidates}; online listings only fill the places the
   * prefecture leaves, so they are looked at only when it leaves some.
   */
  @Transactional
  public List<SpecialistMatch> match(
      List<Integer> themes, String prefecture, long seed, int limit) {
    if (themes.isEmpty() || limit < 1) {
      return List.of();
    }
    List<List<MatchCandidates.Card>> local = new ArrayList<>(themes.size());
    for (int theme : themes) {
      local.add(candidates.inPrefecture(prefecture, theme));
    }
    List<SpecialistMatch> found = new ArrayList<>(limit);
    for (MatchCandidates.Card c : first(local, null, seed, limit)) {
      found.add(matchOf(c, themes, true));
    }
    if (found.size() < limit) {
      List<List<MatchCandidates.Card>> online = new ArrayList<>(themes.size());
      for (int theme : themes) {
        online.add(candidates.online(theme));
      }
      for (MatchCandidates.Card c : first(online, prefecture, seed, limit - found.size())) {
        found.add(matchOf(c, themes, false));
      }
    }
    return found;
  }

  /**
   * The first {@code limit} cards in the seed's order (accepting before limited, then the hash) of
   * all the lists together, each card once however many lists hold it, leaving out cards listed in
   * {@code notIn} (a prefecture, or null). Kept in a short sorted array of {@code limit} places
   * while the lists are walked: no set of the few hundred to ~1,700 candidates is built per gap
   * (that set was a tenth of the guide's CPU per request). A card held by two lists has the same
   * rank in both, so the second is passed over: either it is among the places already, or {@code
   * limit} cards rank before it.
   */
  static List<MatchCandidates.Card> first(
      List<List<MatchCandidates.Card>> lists, String notIn, long seed, int limit) {
    MatchCandidates.Card[] top = new MatchCandidates.Card[limit];
    long[] topRank = new long[limit];
    int size = 0;
    for (List<MatchCandidates.Card> cards : lists) {
      for (MatchCandidates.Card c : cards) {
        long rank = rank(c, seed);
        if (size == limit && Long.compare(rank, topRank[size - 1]) >= 0) {
          continue;
        }
        if (notIn != null && c.prefectures().contains(notIn) || placed(top, size, c)) {
          continue;
        }
        int at = size < limit ? size++ : size - 1;
        // Insertion into the short sorted prefix: only `limit` (a handful) places are kept.
        while (at > 0 && Long.compare(rank, topRank[at - 1]) < 0) {
          top[at] = top[at - 1];
          topRank[at] = topRank[at - 1];
          at--;
        }
        top[at] = c;
        topRank[at] = rank;
      }
    }
    return Arrays.asList(top).subList(0, size);
  }

  private static boolean placed(MatchCandidates.Card[] top, int size, MatchCandidates.Card c) {
    for (int i = 0; i < size; i++) {
      if (top[i].listingId().equals(c.listingId())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where a card stands for a seed: bit 62 orders accepting before limited, the rest is a
   * well-mixed hash of the listing id and the seed (SplitMix64's finaliser), so every seed gives an
   * independent shuffle of equals and ties are as good as impossible.
   */
  static long rank(MatchCandidates.Card c, long seed) {
    UUID id = c.listingId();
    long z =
        id.getMostSignificantBits()
            ^ Long.rotateLeft(id.getLeastSignificantBits(), 29)
            ^ (seed * 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    long hash = (z ^ (z >>> 31)) >>> 2;
    return c.accepting() ? hash : hash | (1L << 62);
  }

  private static SpecialistMatch matchOf(
      MatchCandidates.Card c, List<Integer> themes, boolean local) {
    return SpecialistMatch.of(
        c.listingId(),
        c.displayName(),
        c.prefectures(),
        c.themes().stream().filter(themes::contains).toList(),
        c.onlineNationwide(),
        c.firstConsultationFree(),
        c.availability(),
        c.verified(),
        local);
  }

  /**
   * Where a page of the rotation ends: the rotation's day and the last card's sort keys. Paging
   * continues on the same day's order even across midnight, so no card is skipped or repeated.
   */
  public record Position(String day, String rank, UUID listingId) {}

  /** A page of listed specialists and, when there may be more, the position after it. */
  public record Slice(List<SpecialistView> items, Position next) {}

  /**
   * Listed specialists matching the filters. The order rotates daily (a hash of id and day), so no
   * specialist is always first and every one gets a turn at the top.
   */
  @Transactional
  @SuppressWarnings("unchecked")
  public Slice find(Integer theme, String prefecture, int limit, Position after) {
    String day = after == null ? LocalDate.now(TOKYO).toString() : after.day();
    List<Object[]> rows =
        em.createNativeQuery(
                """
                SELECT listing_id, display_name, prefectures, themes, rank
                  FROM (SELECT *, md5(listing_id::text || CAST(?4 AS text)) AS rank
                          FROM specialist_card
                         WHERE listed
                           AND (CAST(?1 AS integer) IS NULL OR themes @> ARRAY[CAST(?1 AS integer)])
                           AND (CAST(?2 AS text) IS NULL OR prefectures @> ARRAY[CAST(?2 AS text)])
                       ) cards
                 WHERE CAST(?5 AS text) IS NULL OR (rank, listing_id) > (CAST(?5 AS text), CAST(?6 AS uuid))
                 ORDER BY rank, listing_id
                 LIMIT ?3
                """)
            .setParameter(1, theme)
            .setParameter(2, prefecture)
            .setParameter(3, limit + 1)
            .setParameter(4, day)
            .setParameter(5, after == null ? null : after.rank())
            .setParameter(6, after == null ? null : after.listingId().toString())
            .getResultList();
    List<SpecialistView> items =
        rows.stream()
            .limit(limit)
            .map(
                r ->
                    new SpecialistView(
                        (UUID) r[0],
                        (String) r[1],
                        Arrays.asList((String[]) SqlValues.array(r[2])),
                        Arrays.stream((Integer[]) SqlValues.array(r[3])).toList()))
            .toList();
    Position next = null;
    if (rows.size() > limit) {
      Object[] last = rows.get(limit - 1);
      next = new Position(day, (String) last[4], (UUID) last[0]);
    }
    return new Slice(items, next);
  }

  private static String arrayLiteral(List<?> values) {
    // Values are validated codes and numbers; quote each so the literal is always well-formed.
    StringBuilder literal = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      String value = String.valueOf(values.get(i)).replace("\\", "\\\\").replace("\"", "\\\"");
      literal.append(i == 0 ? "" : ",").append('"').append(value).append('"');
    }
    return literal.append('}').toString();
  }
}
