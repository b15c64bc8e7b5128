package jp.riss.guide.specialists;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The read model: applying snapshots and finding listed specialists. */
@ApplicationScoped
public class SpecialistCards {

  // The rotation turns at midnight where the SMEs are.
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Inject EntityManager em;

  /** Applies a snapshot unless a newer version of that listing is already stored. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(ListingSnapshot s) {
    em.createNativeQuery(
            """
            INSERT INTO specialist_card (listing_id, registration_number, display_name,
                prefectures, themes, listed, source_version, updated_at)
            VALUES (?1, ?2, ?3, CAST(?4 AS text[]), CAST(?5 AS integer[]), ?6, ?7, now())
            ON CONFLICT (listing_id) DO UPDATE SET
                registration_number = EXCLUDED.registration_number,
                display_name = EXCLUDED.display_name,
                prefectures = EXCLUDED.prefectures,
                themes = EXCLUDED.themes,
                listed = EXCLUDED.listed,
                source_version = EXCLUDED.source_version,
                updated_at = EXCLUDED.updated_at
            WHERE specialist_card.source_version < EXCLUDED.source_version
            """)
        .setParameter(1, s.listingId())
        .setParameter(2, s.registrationNumber())
        .setParameter(3, s.displayName())
        .setParameter(4, arrayLiteral(s.prefectures()))
        .setParameter(5, arrayLiteral(s.themes()))
        .setParameter(6, s.isListed())
        .setParameter(7, s.version())
        .executeUpdate();
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
                        Arrays.asList((String[]) array(r[2])),
                        Arrays.stream((Integer[]) array(r[3])).toList()))
            .toList();
    Position next = null;
    if (rows.size() > limit) {
      Object[] last = rows.get(limit - 1);
      next = new Position(day, (String) last[4], (UUID) last[0]);
    }
    return new Slice(items, next);
  }

  private static Object array(Object column) {
    try {
      return column instanceof Array sql ? sql.getArray() : column;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
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
