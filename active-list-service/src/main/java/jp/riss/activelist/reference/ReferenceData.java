package jp.riss.activelist.reference;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The reference tables loaded by migrations, read for validation and for forms. */
@ApplicationScoped
public class ReferenceData {

  public record Prefecture(String code, String nameJa, String nameEn) {}

  public record Theme(int number, String nameJa, String nameEn, int sinceFiscalYear) {}

  /** An entry of a code list: industries, engagement lengths, formats, qualifications. */
  public record Coded(String code, String nameJa, String nameEn) {}

  public record SyllabusItem(String code, int area, String nameJa) {}

  /** One row of a reference table. */
  public interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  // Plain JDBC, not the EntityManager: search reads these while Hibernate is still starting (see
  // ListingSearch#startLoading()), and one reader serves it and the forms and validation alike.
  @Inject AgroalDataSource dataSource;

  public List<Prefecture> prefectures() {
    return read(
        "SELECT code, name_ja, name_en FROM prefecture ORDER BY code",
        rs -> new Prefecture(rs.getString(1), rs.getString(2), rs.getString(3)));
  }

  public List<Theme> themes() {
    return read(
        "SELECT number, name_ja, name_en, since_fy FROM guidance_theme ORDER BY number",
        rs -> new Theme(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
  }

  public List<Coded> industries() {
    return coded("SELECT code, name_ja, name_en FROM industry_division ORDER BY code");
  }

  public List<Coded> engagementLengths() {
    return coded("SELECT code, name_ja, name_en FROM engagement_length ORDER BY position");
  }

  public List<Coded> formats() {
    return coded("SELECT code, name_ja, name_en FROM consultation_format ORDER BY position");
  }

  public List<Coded> qualifications() {
    return coded("SELECT code, name_ja, name_en FROM qualification ORDER BY position");
  }

  public List<SyllabusItem> syllabusItems() {
    return read(
        "SELECT code, area, name_ja FROM syllabus_item ORDER BY area, number",
        rs -> new SyllabusItem(rs.getString(1), rs.getInt(2), rs.getString(3)));
  }

  /** A code list read by {@code sql}, which selects its code, name_ja and name_en. */
  public List<Coded> coded(String sql) {
    return read(sql, rs -> new Coded(rs.getString(1), rs.getString(2), rs.getString(3)));
  }

  /** Every row {@code sql} selects, read by {@code row}: the one reader of reference tables. */
  public <T> List<T> read(String sql, Row<T> row) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(row.read(rs));
      }
      return List.copyOf(rows);
    } catch (SQLException e) {
      // Unchecked for the callers; the problem mapper still finds a lost connection (503).
      throw new IllegalStateException("reading reference data failed: " + sql, e);
    }
  }

  public Set<String> prefectureCodes() {
    Set<String> codes = new HashSet<>();
    prefectures().forEach(p -> codes.add(p.code()));
    return codes;
  }

  public Set<Integer> themeNumbers() {
    Set<Integer> numbers = new HashSet<>();
    themes().forEach(t -> numbers.add(t.number()));
    return numbers;
  }

  public Set<String> codes(List<Coded> list) {
    Set<String> codes = new HashSet<>();
    list.forEach(c -> codes.add(c.code()));
    return codes;
  }

  public Set<String> syllabusCodes() {
    Set<String> codes = new HashSet<>();
    syllabusItems().forEach(i -> codes.add(i.code()));
    return codes;
  }
}
