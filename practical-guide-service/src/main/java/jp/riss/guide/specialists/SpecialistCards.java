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
  }

  /** Open listed cards in the organisation's prefecture offering any of the themes. */
  private static final String LOCAL =
      """
      SELECT listing_id, display_name, prefectures, themes, online_nationwide,
             first_consultation_free, availability, verified
        FROM specialist_card
       WHERE listed
         AND (availability IS NULL OR availability IN ('ACCEPTING', 'LIMITED'))
         AND specialist_match_keys(prefectures, themes) && CAST(?1 AS text[])
       ORDER BY CASE availability WHEN 'ACCEPTING' THEN 0 ELSE 1 END,
                md5(listing_id::text || CAST(?2 AS text)), listing_id
       LIMIT ?3
      """;

  /** Open listed cards working online across Japan, not in the prefecture, offering a theme. */
  private static final String ONLINE =
      """
      SELECT listing_id, display_name, prefectures, themes, online_nationwide,
             first_consultation_free, availability, verified
        FROM specialist_card
       WHERE listed
         AND online_nationwide
         AND (availability IS NULL OR availability IN ('ACCEPTING', 'LIMITED'))
         AND themes && CAST(?1 AS integer[])
         AND NOT prefectures @> ARRAY[CAST(?4 AS text)]
       ORDER BY CASE availability WHEN 'ACCEPTING' THEN 0 ELSE 1 END,
                md5(listing_id::text || CAST(?2 AS text)), listing_id
       LIMIT ?3
      """;

  /**
   * Listed specialists for a gap: offering any of {@code themes}, working in {@code prefecture}
   * (first) or online across Japan (after them), and taking inquiries (not NOT_ACCEPTING, not
   * AT_CAPACITY). Those accepting freely come before those with limited room. Among equals the
   * order is a hash of the listing id and {@code seed}: each diagnosis sees its own shuffle, so the
   * top places are shared out instead of going to the same listings every time.
   *
   * <p>Online listings only fill the places the prefecture leaves, so they are looked up only when
   * it leaves some. Each lookup reads its candidates through a partial index of open cards (V40).
   */
  @Transactional
  public List<SpecialistMatch> match(
      List<Integer> themes, String prefecture, long seed, int limit) {
    if (themes.isEmpty() || limit < 1) {
      return List.of();
    }
    List<String> keys = themes.stream().map(t -> prefecture + ":" + t).toList();
    List<SpecialistMatch> found =
        new ArrayList<>(cards(LOCAL, arrayLiteral(keys), null, seed, limit, themes, true));
    if (found.size() < limit) {
      found.addAll(
          cards(
              ONLINE, arrayLiteral(themes), prefecture, seed, limit - found.size(), themes, false));
    }
    return found;
  }

  @SuppressWarnings("unchecked")
  private List<SpecialistMatch> cards(
      String sql,
      String filter,
      String prefecture,
      long seed,
      int limit,
      List<Integer> themes,
      boolean local) {
    var query =
        em.createNativeQuery(sql)
            .setParameter(1, filter)
            .setParameter(2, Long.toString(seed))
            .setParameter(3, limit);
    if (prefecture != null) {
      query.setParameter(4, prefecture);
    }
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(
            r ->
                SpecialistMatch.of(
                    (UUID) r[0],
                    (String) r[1],
                    Arrays.asList((String[]) SqlValues.array(r[2])),
                    Arrays.stream((Integer[]) SqlValues.array(r[3]))
                        .filter(themes::contains)
                        .toList(),
                    (Boolean) r[4],
                    (Boolean) r[5],
                    (String) r[6],
                    Arrays.asList((String[]) SqlValues.array(r[7])),
                    local))
        .toList();
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
