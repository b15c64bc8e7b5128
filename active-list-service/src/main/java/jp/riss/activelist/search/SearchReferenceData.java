package jp.riss.activelist.search;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the reference data search needs once per index build: it changes only with migrations.
 * Plain JDBC on one connection (the same tables and order as {@link
 * jp.riss.activelist.reference.ReferenceData}) because the first index is built while Hibernate is
 * still starting (see {@link ListingSearch#startLoading()}): it must not need an EntityManager.
 */
@ApplicationScoped
class SearchReferenceData {

  @Inject AgroalDataSource dataSource;

  SearchCodes load() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      Map<String, List<String>> themeNames =
          named(statement, "SELECT number, name_ja, name_en FROM guidance_theme ORDER BY number");
      Map<String, List<String>> qualificationNames =
          named(statement, "SELECT code, name_ja, name_en FROM qualification ORDER BY position");
      return new SearchCodes(
          codes(statement, "SELECT code FROM prefecture ORDER BY code"),
          List.copyOf(themeNames.keySet()),
          codes(statement, "SELECT code FROM industry_division ORDER BY code"),
          codes(statement, "SELECT code FROM consultation_format ORDER BY position"),
          List.copyOf(qualificationNames.keySet()),
          codes(statement, "SELECT code FROM engagement_length ORDER BY position"),
          themeNames,
          qualificationNames,
          buckets(statement));
    }
  }

  private static List<String> codes(Statement statement, String sql) throws SQLException {
    List<String> codes = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        codes.add(rs.getString(1));
      }
    }
    return List.copyOf(codes);
  }

  /** Code (as text) to its Japanese and English names, in the table's order. */
  private static Map<String, List<String>> named(Statement statement, String sql)
      throws SQLException {
    Map<String, List<String>> names = new LinkedHashMap<>();
    try (ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        names.put(rs.getString(1), List.of(rs.getString(2), rs.getString(3)));
      }
    }
    return names;
  }

  private static List<SearchCodes.PositionBucket> buckets(Statement statement) throws SQLException {
    List<SearchCodes.PositionBucket> buckets = new ArrayList<>();
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT code, first_position, last_position FROM search_position_bucket"
                + " ORDER BY first_position")) {
      while (rs.next()) {
        int last = rs.getInt(3);
        buckets.add(
            new SearchCodes.PositionBucket(
                rs.getString(1), rs.getInt(2), rs.wasNull() ? null : last));
      }
    }
    return List.copyOf(buckets);
  }
}
