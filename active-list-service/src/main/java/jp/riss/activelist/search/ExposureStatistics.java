package jp.riss.activelist.search;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the impression counters back: for exposure damping and for IPA's exposure report. */
@ApplicationScoped
class ExposureStatistics {

  @Inject AgroalDataSource dataSource;

  /** Impressions in {@code bucket} per listing in [from, to). */
  Map<UUID, Long> inBucket(String bucket, OffsetDateTime from, OffsetDateTime to)
      throws SQLException {
    Map<UUID, Long> counts = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT listing_id, sum(count) FROM listing_impression"
                    + " WHERE bucket = ? AND hour >= ? AND hour < ? GROUP BY listing_id")) {
      ps.setString(1, bucket);
      ps.setObject(2, from);
      ps.setObject(3, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
        }
      }
    }
    return counts;
  }

  /** Ids of the listings published now: they count in the Gini even if never shown. */
  List<UUID> published() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT id FROM listing WHERE status = 'PUBLISHED'");
        ResultSet rs = ps.executeQuery()) {
      List<UUID> ids = new java.util.ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
      return ids;
    }
  }

  /**
   * Per listing shown in [from, to), ordered by id after {@code afterId}: impressions by bucket
   * (all buckets present, zeros included) and the registration number. At most {@code limit}.
   */
  Map<UUID, ExposureReport.ListingExposure> page(
      OffsetDateTime from, OffsetDateTime to, UUID afterId, int limit, List<String> buckets)
      throws SQLException {
    Map<UUID, ExposureReport.ListingExposure> page = new LinkedHashMap<>();
    String sql =
        """
        WITH shown AS (
          SELECT DISTINCT listing_id FROM listing_impression
           WHERE hour >= ? AND hour < ? AND listing_id > ?
           ORDER BY listing_id LIMIT ?)
        SELECT i.listing_id, l.registration_number, i.bucket, sum(i.count)
          FROM listing_impression i
          JOIN shown s ON s.listing_id = i.listing_id
          LEFT JOIN listing l ON l.id = i.listing_id
         WHERE i.hour >= ? AND i.hour < ?
         GROUP BY i.listing_id, l.registration_number, i.bucket
         ORDER BY i.listing_id
        """;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, from);
      ps.setObject(2, to);
      ps.setObject(3, afterId == null ? new UUID(0, 0) : afterId);
      ps.setInt(4, limit);
      ps.setObject(5, from);
      ps.setObject(6, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          ExposureReport.ListingExposure row =
              page.computeIfAbsent(id, k -> emptyRow(k, rs, buckets));
          row.impressions().put(rs.getString(3), rs.getLong(4));
        }
      }
    }
    page.replaceAll(
        (id, row) ->
            new ExposureReport.ListingExposure(
                id,
                row.registrationNumber(),
                row.impressions(),
                row.impressions().values().stream().mapToLong(Long::longValue).sum()));
    return page;
  }

  private static ExposureReport.ListingExposure emptyRow(
      UUID id, ResultSet rs, List<String> buckets) {
    Map<String, Long> impressions = new LinkedHashMap<>();
    buckets.forEach(b -> impressions.put(b, 0L));
    try {
      return new ExposureReport.ListingExposure(id, rs.getString(2), impressions, 0);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
