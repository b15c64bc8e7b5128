package jp.riss.activelist.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

  @Inject EntityManager em;

  @SuppressWarnings("unchecked")
  public List<Prefecture> prefectures() {
    List<Object[]> rows =
        em.createNativeQuery("SELECT code, name_ja, name_en FROM prefecture ORDER BY code")
            .getResultList();
    return rows.stream()
        .map(r -> new Prefecture((String) r[0], (String) r[1], (String) r[2]))
        .toList();
  }

  @SuppressWarnings("unchecked")
  public List<Theme> themes() {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT number, name_ja, name_en, since_fy FROM guidance_theme ORDER BY number")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Theme(
                    ((Number) r[0]).intValue(),
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).intValue()))
        .toList();
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

  @SuppressWarnings("unchecked")
  public List<SyllabusItem> syllabusItems() {
    List<Object[]> rows =
        em.createNativeQuery("SELECT code, area, name_ja FROM syllabus_item ORDER BY area, number")
            .getResultList();
    return rows.stream()
        .map(r -> new SyllabusItem((String) r[0], ((Number) r[1]).intValue(), (String) r[2]))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private List<Coded> coded(String sql) {
    List<Object[]> rows = em.createNativeQuery(sql).getResultList();
    return rows.stream().map(r -> new Coded((String) r[0], (String) r[1], (String) r[2])).toList();
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
