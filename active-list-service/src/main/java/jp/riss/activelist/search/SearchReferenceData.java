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
import jp.riss.activelist.reference.ReferenceData;

/**
 * The codes and names search needs, read once per index build (they change only with migrations)
 * through {@link ReferenceData}, which needs no EntityManager: the first index is built while
 * Hibernate is still starting (see {@link ListingSearch#startLoading()}). Only the position buckets
 * are search's own table.
 */
@ApplicationScoped
class SearchReferenceData {

  @Inject ReferenceData reference;
  @Inject AgroalDataSource dataSource;

  SearchCodes load() throws SQLException {
    Map<String, List<String>> themeNames = new LinkedHashMap<>();
    reference
        .themes()
        .forEach(t -> themeNames.put(String.valueOf(t.number()), List.of(t.nameJa(), t.nameEn())));
    Map<String, List<String>> qualificationNames = new LinkedHashMap<>();
    reference
        .qualifications()
        .forEach(q -> qualificationNames.put(q.code(), List.of(q.nameJa(), q.nameEn())));
    return new SearchCodes(
        reference.prefectures().stream().map(ReferenceData.Prefecture::code).toList(),
        List.copyOf(themeNames.keySet()),
        codes(reference.industries()),
        codes(reference.formats()),
        List.copyOf(qualificationNames.keySet()),
        codes(reference.engagementLengths()),
        themeNames,
        qualificationNames,
        buckets());
  }

  private static List<String> codes(List<ReferenceData.Coded> coded) {
    return coded.stream().map(ReferenceData.Coded::code).toList();
  }

  private List<SearchCodes.PositionBucket> buckets() throws SQLException {
    List<SearchCodes.PositionBucket> buckets = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs =
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
