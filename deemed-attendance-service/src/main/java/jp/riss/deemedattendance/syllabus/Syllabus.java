package jp.riss.deemedattendance.syllabus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Preconditions;

/** Reads the syllabus and the theme mapping loaded by migrations, always in syllabus order. */
@ApplicationScoped
public class Syllabus {

  @Inject Clock clock;

  // Numeric order: "3-10" follows "3-9", which ordering by code would not give.
  private static final String IN_ORDER = " ORDER BY i.area.number, i.number";

  @Inject EntityManager em;

  @Transactional
  public List<SyllabusItemView> items(Optional<Integer> area) {
    String jpql = "SELECT i FROM SyllabusItem i JOIN FETCH i.area";
    var query =
        area.isPresent()
            ? em.createQuery(jpql + " WHERE i.area.number = :area" + IN_ORDER, SyllabusItem.class)
                .setParameter("area", area.get())
            : em.createQuery(jpql + IN_ORDER, SyllabusItem.class);
    return query.getResultList().stream().map(SyllabusItemView::of).toList();
  }

  @Transactional
  public Optional<SyllabusItemDetail> item(String code) {
    return em.createQuery(
            "SELECT i FROM SyllabusItem i JOIN FETCH i.area LEFT JOIN FETCH i.themes"
                + " WHERE i.code = :code",
            SyllabusItem.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst()
        .map(SyllabusItemDetail::of);
  }

  /** The sub-item with its version, for the ETag of a read and an admin's change. */
  @Transactional
  public Optional<SyllabusItem> entity(String code) {
    return Optional.ofNullable(em.find(SyllabusItem.class, code));
  }

  /** An IPA administrator marks a sub-item shaded (網掛け) or not. */
  @Transactional
  public SyllabusItemDetail shade(String code, String ifMatch, boolean shaded, String admin) {
    SyllabusItem item =
        entity(code).orElseThrow(() -> ProblemException.notFound("syllabus sub-item " + code));
    Preconditions.requireIfMatch(ifMatch, item.version);
    if (item.shaded != shaded) {
      item.shaded = shaded;
      item.updatedAt = OffsetDateTime.now(clock);
      item.updatedBy = admin;
      // Flush so the ETag answered is the version stored.
      em.flush();
    }
    return SyllabusItemDetail.of(item);
  }

  public List<Integer> areaNumbers() {
    return em.createQuery("SELECT a.number FROM SyllabusArea a ORDER BY a.number", Integer.class)
        .getResultList();
  }

  @Transactional
  public List<ThemeMapping> themeMappings() {
    List<Object[]> rows =
        em.createQuery(
                "SELECT t, i.code FROM SyllabusItem i JOIN i.themes t ORDER BY t, i.area.number,"
                    + " i.number",
                Object[].class)
            .getResultList();
    Map<Integer, List<String>> byTheme = new LinkedHashMap<>();
    for (Object[] row : rows) {
      byTheme.computeIfAbsent((Integer) row[0], t -> new ArrayList<>()).add((String) row[1]);
    }
    return byTheme.entrySet().stream()
        .map(e -> new ThemeMapping(e.getKey(), List.copyOf(e.getValue())))
        .toList();
  }
}
