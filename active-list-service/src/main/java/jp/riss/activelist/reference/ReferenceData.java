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
}
