package jp.riss.guide.references;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.riss.guide.content.ContentFiles;
import jp.riss.guide.content.Language;
import jp.riss.guide.links.LinkTargets;
import jp.riss.guide.web.CachedRead;
import jp.riss.guide.web.SqlValues;
import jp.riss.platform.net.OutboundTargets;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.web.Preconditions;

/**
 * The resources the guide cites: reading, editors' corrections, and the link checker's findings.
 */
@ApplicationScoped
public class References {

  public static final int URL_MAX = 2000;
  private static final int LABEL_MAX = 200;
  private static final int PUBLISHER_MAX = 100;
  // Link states change with every check, so caches keep the list only briefly.
  private static final int MAX_AGE = 60;
  private static final String COLUMNS =
      "number, footnote, label_ja, label_en, publisher, kind, steps, cited_line, url_line, url,"
          + " link_state, last_checked_at, last_status, final_url, last_error, last_duration_ms,"
          + " revision";

  @Inject EntityManager em;
  @Inject LinkTargets targets;
  @Inject Clock clock;

  /** A list of resources. */
  public record ReferenceList(List<Reference> items) {}

  /** A link to check: the resource and its address. */
  public record Link(int number, String url) {}

  /** What one check found. */
  public record Finding(
      String linkState,
      Integer status,
      String finalUrl,
      int redirects,
      String error,
      OffsetDateTime checkedAt,
      int durationMs) {}

  @Transactional(Transactional.TxType.MANDATORY)
  public int importMissing(List<ContentFiles.ResourceFile> rows, OffsetDateTime now, String by) {
    int inserted = 0;
    for (ContentFiles.ResourceFile r : rows) {
      inserted +=
          em.createNativeQuery(
                  "INSERT INTO guide_resource (number, footnote, label_ja, label_en, publisher,"
                      + " kind, steps, cited_line, url_line, url, link_state, revision,"
                      + " updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                      + " CAST(?7 AS smallint[]), ?8, ?9, ?10, ?11, 1, ?12, ?13)"
                      + " ON CONFLICT (number) DO NOTHING")
              .setParameter(1, r.number())
              .setParameter(2, r.footnote())
              .setParameter(3, r.label().get("ja"))
              .setParameter(4, r.label().get("en"))
              .setParameter(5, r.publisher())
              .setParameter(6, r.kind())
              .setParameter(7, array(r.steps()))
              .setParameter(8, r.citedLine())
              .setParameter(9, r.urlLine())
              .setParameter(10, r.url())
              .setParameter(11, r.url() == null ? "url-missing" : "unchecked")
              .setParameter(12, now)
              .setParameter(13, by)
              .executeUpdate();
    }
    return inserted;
  }

  @Transactional
  public CachedRead list(Integer step, String kind, String linkState, String lang) {
    StringBuilder where = new StringBuilder(" WHERE true");
    if (step != null) {
      where.append(" AND steps @> ARRAY[CAST(:step AS smallint)]");
    }
    if (kind != null) {
      where.append(" AND kind = :kind");
    }
    if (linkState != null) {
      where.append(" AND link_state = :state");
    }
    var query =
        em.createNativeQuery(
            "SELECT " + COLUMNS + " FROM guide_resource" + where + " ORDER BY number");
    if (step != null) {
      query.setParameter("step", step);
    }
    if (kind != null) {
      query.setParameter("kind", kind);
    }
    if (linkState != null) {
      query.setParameter("state", linkState);
    }
    List<Reference> items =
        query.getResultList().stream().map(r -> reference((Object[]) r, lang)).toList();
    return new CachedRead(new ReferenceList(items), null, MAX_AGE, true, Set.of(lang));
  }

  @Transactional
  public CachedRead get(int number, String lang) {
    Reference r = find(number, lang);
    return new CachedRead(r, Preconditions.etag(r.revision()), MAX_AGE, true, Set.of(lang));
  }

  @Transactional
  public Reference add(ReferenceChange change, String by) {
    List<Problem.Violation> v = check(change, true);
    if (!v.isEmpty()) {
      throw new ProblemException(Problems.validation(v));
    }
    em.createNativeQuery("LOCK TABLE guide_resource IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
    int number =
        ((Number)
                em.createNativeQuery("SELECT coalesce(max(number), 0) + 1 FROM guide_resource")
                    .getSingleResult())
            .intValue();
    importMissing(
        List.of(
            new ContentFiles.ResourceFile(
                number,
                change.footnote(),
                java.util.Map.of("ja", change.labelJa(), "en", change.labelEn()),
                change.publisher(),
                change.kind(),
                change.steps(),
                null,
                null,
                change.url())),
        OffsetDateTime.now(clock),
        by);
    return find(number, Language.JA);
  }

  @Transactional
  public Reference change(int number, String ifMatch, ReferenceChange change, String by) {
    Reference current = find(number, Language.JA);
    List<Problem.Violation> v = check(change, false);
    if (!v.isEmpty()) {
      throw new ProblemException(Problems.validation(v));
    }
    Preconditions.requireIfMatch(ifMatch, current.revision());
    boolean newUrl = change.url() != null && !change.url().equals(current.url());
    em.createNativeQuery(
            "UPDATE guide_resource SET label_ja = coalesce(?2, label_ja), label_en ="
                + " coalesce(?3, label_en), publisher = coalesce(?4, publisher), kind ="
                + " coalesce(?5, kind), steps = coalesce(CAST(?6 AS smallint[]), steps), footnote"
                + " = coalesce(?7, footnote), url = coalesce(?8, url), link_state = CASE WHEN ?9"
                + " THEN 'unchecked' ELSE link_state END, last_checked_at = CASE WHEN ?9 THEN"
                + " NULL ELSE last_checked_at END, last_status = CASE WHEN ?9 THEN NULL ELSE"
                + " last_status END, final_url = CASE WHEN ?9 THEN NULL ELSE final_url END,"
                + " last_error = CASE WHEN ?9 THEN NULL ELSE last_error END, last_duration_ms ="
                + " CASE WHEN ?9 THEN NULL ELSE last_duration_ms END, revision = revision + 1,"
                + " updated_at = ?10, updated_by = ?11 WHERE number = ?1")
        .setParameter(1, number)
        .setParameter(2, change.labelJa())
        .setParameter(3, change.labelEn())
        .setParameter(4, change.publisher())
        .setParameter(5, change.kind())
        .setParameter(6, change.steps() == null ? null : array(change.steps()))
        .setParameter(7, change.footnote())
        .setParameter(8, change.url())
        .setParameter(9, newUrl)
        .setParameter(10, OffsetDateTime.now(clock))
        .setParameter(11, by)
        .executeUpdate();
    return find(number, Language.JA);
  }

  /** The links to check: the given resources, or all with an address when none are given. */
  @Transactional
  public List<Link> links(List<Integer> numbers) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT number, url FROM guide_resource WHERE url IS NOT NULL AND (CAST(?1 AS"
                    + " integer[]) IS NULL OR number = ANY (CAST(?1 AS integer[]))) ORDER BY"
                    + " number")
            .setParameter(1, numbers == null ? null : array(numbers))
            .getResultList();
    return rows.stream()
        .map(r -> new Link(((Number) ((Object[]) r)[0]).intValue(), (String) ((Object[]) r)[1]))
        .toList();
  }

  /** The numbers among {@code numbers} that name no resource or one without an address. */
  @Transactional
  public List<Integer> notCheckable(List<Integer> numbers) {
    Set<Integer> checkable = new HashSet<>();
    links(numbers).forEach(l -> checkable.add(l.number()));
    return numbers.stream().filter(n -> !checkable.contains(n)).toList();
  }

  /** Stores a check's finding on the resource, unless its address changed meanwhile. */
  @Transactional
  public void record(Link link, Finding f) {
    em.createNativeQuery(
            "UPDATE guide_resource SET link_state = ?3, last_checked_at = ?4, last_status = ?5,"
                + " final_url = ?6, last_error = ?7, last_duration_ms = ?8"
                + " WHERE number = ?1 AND url = ?2")
        .setParameter(1, link.number())
        .setParameter(2, link.url())
        .setParameter(3, f.linkState())
        .setParameter(4, f.checkedAt())
        .setParameter(5, f.status())
        .setParameter(6, f.finalUrl())
        .setParameter(7, f.error())
        .setParameter(8, f.durationMs())
        .executeUpdate();
  }

  private Reference find(int number, String lang) {
    List<?> rows =
        em.createNativeQuery("SELECT " + COLUMNS + " FROM guide_resource WHERE number = ?1")
            .setParameter(1, number)
            .getResultList();
    return rows.stream()
        .map(r -> reference((Object[]) r, lang))
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("resource " + number));
  }

  private List<Problem.Violation> check(ReferenceChange c, boolean creating) {
    List<Problem.Violation> v = new ArrayList<>();
    text(v, "labelJa", c.labelJa(), LABEL_MAX, creating);
    text(v, "labelEn", c.labelEn(), LABEL_MAX, creating);
    text(v, "publisher", c.publisher(), PUBLISHER_MAX, creating);
    if (c.kind() == null ? creating : !Reference.KINDS.contains(c.kind())) {
      v.add(new Problem.Violation("kind", "must be one of " + String.join(", ", Reference.KINDS)));
    }
    if (c.steps() == null
        ? creating
        : c.steps().isEmpty()
            || c.steps().size() > 4
            || c.steps().stream().anyMatch(s -> s == null || s < 1 || s > 4)
            || new HashSet<>(c.steps()).size() != c.steps().size()) {
      v.add(new Problem.Violation("steps", "must be 1 to 4 different Steps from 1 to 4"));
    }
    // Each Step out of range is named too, where it stands (the contract bounds each item).
    for (int i = 0; c.steps() != null && i < c.steps().size(); i++) {
      Integer step = c.steps().get(i);
      if (step == null || step < 1 || step > 4) {
        v.add(new Problem.Violation("steps[" + i + "]", "must be a Step from 1 to 4"));
      }
    }
    if (c.footnote() != null && (c.footnote() < 1 || c.footnote() > 999)) {
      v.add(new Problem.Violation("footnote", "must be from 1 to 999"));
    }
    if (c.url() != null) {
      if (c.url().length() > URL_MAX || c.url().indexOf('\u0000') >= 0) {
        v.add(new Problem.Violation("url", "must be at most " + URL_MAX + " characters"));
      } else {
        try {
          targets.check(targets.parse(c.url()));
        } catch (OutboundTargets.Refused refused) {
          v.add(new Problem.Violation("url", refused.getMessage()));
        }
      }
    }
    if (!creating
        && c.labelJa() == null
        && c.labelEn() == null
        && c.publisher() == null
        && c.kind() == null
        && c.steps() == null
        && c.url() == null
        && c.footnote() == null) {
      v.add(new Problem.Violation("body", "must change at least one field"));
    }
    return v;
  }

  private static void text(
      List<Problem.Violation> v, String field, String value, int max, boolean required) {
    if (value == null) {
      if (required) {
        v.add(new Problem.Violation(field, "is required"));
      }
    } else if (value.isBlank() || value.length() > max || value.indexOf('\u0000') >= 0) {
      v.add(new Problem.Violation(field, "must be 1 to " + max + " characters"));
    }
  }

  private static Reference reference(Object[] c, String lang) {
    String state = (String) c[10];
    Object[] steps = (Object[]) SqlValues.array(c[6]);
    List<Integer> stepList = new ArrayList<>();
    for (Object s : steps) {
      stepList.add(((Number) s).intValue());
    }
    boolean en = Language.EN.equals(lang);
    OffsetDateTime checkedAt = SqlValues.time(c[11]);
    return new Reference(
        ((Number) c[0]).intValue(),
        c[1] == null ? null : ((Number) c[1]).intValue(),
        en ? (String) c[3] : (String) c[2],
        lang,
        new Reference.Labels((String) c[2], (String) c[3]),
        (String) c[4],
        (String) c[5],
        stepList,
        c[7] == null ? null : ((Number) c[7]).intValue(),
        c[8] == null ? null : ((Number) c[8]).intValue(),
        (String) c[9],
        state,
        Reference.needsAttention(state),
        checkedAt == null
            ? null
            : new Reference.LastCheck(
                checkedAt,
                c[12] == null ? null : ((Number) c[12]).intValue(),
                (String) c[13],
                (String) c[14],
                c[15] == null ? null : ((Number) c[15]).intValue()),
        ((Number) c[16]).longValue());
  }

  private static String array(List<Integer> values) {
    return "{" + String.join(",", values.stream().map(String::valueOf).toList()) + "}";
  }
}
