package jp.riss.guide.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import jp.riss.guide.web.SqlValues;

/** The SQL of guide versions, their elements and the edit log. */
@ApplicationScoped
public class GuideStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VERSION_COLUMNS =
      "code, title_ja, title_en, state, based_on, revision, created_at, submitted_at, approved_at,"
          + " approved_by, published_at, retired_at";
  private static final String ELEMENT_COLUMNS =
      "key, kind, step, parent_key, position, seed_line, in_house_only, attrs::text, ja_title,"
          + " ja_text, en_state, en_title, en_text, revision, updated_at";

  @Inject EntityManager em;

  /** One entry of the edit log. */
  public record Edit(
      String elementKey, String action, List<String> fields, String editedBy, OffsetDateTime at) {}

  @Transactional(Transactional.TxType.MANDATORY)
  public void lockForImport() {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('guide-content-import'))")
        .getSingleResult();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Version> version(String code) {
    return versions("WHERE code = ?1", code).stream().findFirst();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Version> versionForUpdate(String code) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT " + VERSION_COLUMNS + " FROM guide_version WHERE code = ?1 FOR UPDATE")
            .setParameter(1, code)
            .getResultList();
    return rows.stream().map(r -> version((Object[]) r)).findFirst();
  }

  /**
   * The code of the current (published) version: for readers that keep what they need of a version
   * by its code, so that a request reads one column rather than the whole row.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> currentCode() {
    return em
        .createNativeQuery(
            "SELECT code FROM guide_version WHERE state = 'published' ORDER BY created_at, code"
                + " LIMIT 1")
        .getResultList()
        .stream()
        .findFirst()
        .map(String.class::cast);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Version> current() {
    return versions("WHERE state = 'published'", null).stream().findFirst();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Version> all() {
    return versions("", null);
  }

  private List<Version> versions(String where, String param) {
    var query =
        em.createNativeQuery(
            "SELECT "
                + VERSION_COLUMNS
                + " FROM guide_version "
                + where
                + " ORDER BY created_at, code");
    if (param != null) {
      query.setParameter(1, param);
    }
    return query.getResultList().stream().map(r -> version((Object[]) r)).toList();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void insertVersion(
      String code,
      String titleJa,
      String titleEn,
      String state,
      String basedOn,
      OffsetDateTime now,
      String by,
      OffsetDateTime publishedAt) {
    em.createNativeQuery(
            "INSERT INTO guide_version (code, title_ja, title_en, state, based_on, revision,"
                + " created_at, created_by, published_at, published_by)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8, ?9)")
        .setParameter(1, code)
        .setParameter(2, titleJa)
        .setParameter(3, titleEn)
        .setParameter(4, state)
        .setParameter(5, basedOn)
        .setParameter(6, now)
        .setParameter(7, by)
        .setParameter(8, publishedAt)
        .setParameter(9, publishedAt == null ? null : by)
        .executeUpdate();
  }

  /** Moves a version to {@code state}, stamping the column of that step with who and when. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void moveVersion(String code, String state, String stamp, String by, OffsetDateTime now) {
    String set =
        switch (stamp) {
          case "submitted" ->
              "submitted_at = ?3, submitted_by = ?4, approved_at = NULL, approved_by = NULL";
          case "approved" -> "approved_at = ?3, approved_by = ?4";
          case "returned" ->
              "submitted_at = NULL, submitted_by = NULL, approved_at = NULL, approved_by = NULL";
          case "published" -> "published_at = ?3, published_by = ?4";
          case "retired" -> "retired_at = ?3";
          default -> throw new IllegalArgumentException(stamp);
        };
    var update =
        em.createNativeQuery(
                "UPDATE guide_version SET state = ?2, revision = revision + 1, "
                    + set
                    + " WHERE code = ?1")
            .setParameter(1, code)
            .setParameter(2, state);
    if (set.contains("?3")) {
      update.setParameter(3, now);
    }
    if (set.contains("?4")) {
      update.setParameter(4, by);
    }
    update.executeUpdate();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Element> elements(String code) {
    return em
        .createNativeQuery(
            "SELECT "
                + ELEMENT_COLUMNS
                + " FROM guide_element WHERE version_code = ?1"
                + " ORDER BY position, key")
        .setParameter(1, code)
        .getResultList()
        .stream()
        .map(r -> element((Object[]) r))
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Element> element(String code, String key) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT "
                    + ELEMENT_COLUMNS
                    + " FROM guide_element WHERE version_code = ?1 AND key = ?2")
            .setParameter(1, code)
            .setParameter(2, key)
            .getResultList();
    return rows.stream().map(r -> element((Object[]) r)).findFirst();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void insertElement(String code, ElementData e, OffsetDateTime now, String by) {
    Element.EnText en = e.en() == null ? new Element.EnText("missing", null, null) : e.en();
    em.createNativeQuery(
            "INSERT INTO guide_element (version_code, key, kind, step, parent_key, position,"
                + " seed_line, in_house_only, attrs, ja_title, ja_text, en_title, en_text,"
                + " en_state, revision, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                + " ?7, ?8, CAST(?9 AS jsonb), ?10, ?11, ?12, ?13, ?14, 1, ?15, ?16)")
        .setParameter(1, code)
        .setParameter(2, e.key())
        .setParameter(3, e.kind())
        .setParameter(4, e.step() == null ? null : e.step().shortValue())
        .setParameter(5, e.parent())
        .setParameter(6, e.order())
        .setParameter(7, e.seedLine())
        .setParameter(8, Boolean.TRUE.equals(e.inHouseOnly()))
        .setParameter(9, json(e.attrs() == null ? Attrs.NONE : e.attrs()))
        .setParameter(10, e.ja().title())
        .setParameter(11, e.ja().text())
        .setParameter(12, en.title())
        .setParameter(13, en.text())
        .setParameter(14, en.state())
        .setParameter(15, now)
        .setParameter(16, by)
        .executeUpdate();
  }

  /** A new draft starts as an exact copy of its base (revisions restart at 1). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void copyElements(String from, String to, OffsetDateTime now, String by) {
    em.createNativeQuery(
            "INSERT INTO guide_element (version_code, key, kind, step, parent_key, position,"
                + " seed_line, in_house_only, attrs, ja_title, ja_text, en_title, en_text,"
                + " en_state, revision, updated_at, updated_by)"
                + " SELECT ?2, key, kind, step, parent_key, position, seed_line, in_house_only,"
                + " attrs, ja_title, ja_text, en_title, en_text, en_state, 1, ?3, ?4"
                + " FROM guide_element WHERE version_code = ?1")
        .setParameter(1, from)
        .setParameter(2, to)
        .setParameter(3, now)
        .setParameter(4, by)
        .executeUpdate();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void updateElement(String code, Element e, OffsetDateTime now, String by) {
    em.createNativeQuery(
            "UPDATE guide_element SET position = ?3, in_house_only = ?4, attrs = CAST(?5 AS"
                + " jsonb), ja_title = ?6, ja_text = ?7, en_title = ?8, en_text = ?9, en_state ="
                + " ?10, revision = revision + 1, updated_at = ?11, updated_by = ?12"
                + " WHERE version_code = ?1 AND key = ?2")
        .setParameter(1, code)
        .setParameter(2, e.key())
        .setParameter(3, e.order())
        .setParameter(4, e.inHouseOnly())
        .setParameter(5, json(e.attrs()))
        .setParameter(6, e.ja().title())
        .setParameter(7, e.ja().text())
        .setParameter(8, e.en().title())
        .setParameter(9, e.en().text())
        .setParameter(10, e.en().state())
        .setParameter(11, now)
        .setParameter(12, by)
        .executeUpdate();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void deleteElement(String code, String key) {
    em.createNativeQuery("DELETE FROM guide_element WHERE version_code = ?1 AND key = ?2")
        .setParameter(1, code)
        .setParameter(2, key)
        .executeUpdate();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean hasChildren(String code, String key) {
    return ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM guide_element WHERE version_code = ?1"
                            + " AND parent_key = ?2")
                    .setParameter(1, code)
                    .setParameter(2, key)
                    .getSingleResult())
            .longValue()
        > 0;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void logEdit(
      String code, String key, String action, List<String> fields, String by, OffsetDateTime at) {
    em.createNativeQuery(
            "INSERT INTO guide_edit (version_code, element_key, action, fields, edited_by,"
                + " edited_at) VALUES (?1, ?2, ?3, CAST(?4 AS text[]), ?5, ?6)")
        .setParameter(1, code)
        .setParameter(2, key)
        .setParameter(3, action)
        .setParameter(4, "{" + String.join(",", fields) + "}")
        .setParameter(5, by)
        .setParameter(6, at)
        .executeUpdate();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Edit> edits(String code) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT element_key, action, fields, edited_by, edited_at FROM guide_edit"
                    + " WHERE version_code = ?1 ORDER BY id")
            .setParameter(1, code)
            .getResultList();
    return rows.stream()
        .map(
            r -> {
              Object[] c = (Object[]) r;
              return new Edit(
                  (String) c[0],
                  (String) c[1],
                  List.of((String[]) SqlValues.array(c[2])),
                  (String) c[3],
                  SqlValues.time(c[4]));
            })
        .toList();
  }

  /** The numbers among {@code numbers} that name no resource. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Integer> unknownResources(List<Integer> numbers) {
    if (numbers.isEmpty()) {
      return List.of();
    }
    List<?> known =
        em.createNativeQuery(
                "SELECT number FROM guide_resource WHERE number = ANY (CAST(?1 AS integer[]))")
            .setParameter(
                1, "{" + String.join(",", numbers.stream().map(String::valueOf).toList()) + "}")
            .getResultList();
    java.util.Set<Integer> found = new java.util.HashSet<>();
    known.forEach(n -> found.add(((Number) n).intValue()));
    return numbers.stream().filter(n -> !found.contains(n)).toList();
  }

  private static Version version(Object[] c) {
    return new Version(
        (String) c[0],
        (String) c[1],
        (String) c[2],
        (String) c[3],
        (String) c[4],
        ((Number) c[5]).longValue(),
        SqlValues.time(c[6]),
        SqlValues.time(c[7]),
        SqlValues.time(c[8]),
        (String) c[9],
        SqlValues.time(c[10]),
        SqlValues.time(c[11]));
  }

  private static Element element(Object[] c) {
    return new Element(
        (String) c[0],
        (String) c[1],
        c[2] == null ? null : ((Number) c[2]).intValue(),
        (String) c[3],
        ((Number) c[4]).intValue(),
        c[5] == null ? null : ((Number) c[5]).intValue(),
        (Boolean) c[6],
        attrs((String) c[7]),
        new Element.Text((String) c[8], (String) c[9]),
        new Element.EnText((String) c[10], (String) c[11], (String) c[12]),
        ((Number) c[13]).longValue(),
        SqlValues.time(c[14]));
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Attrs attrs(String json) {
    try {
      return JSON.readValue(json, Attrs.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored attrs are not readable: " + json, e);
    }
  }
}
