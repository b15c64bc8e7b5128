package jp.riss.community.connect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.riss.community.edition.Edition;
import jp.riss.community.support.Checks;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Keyset;

/**
 * Camp Connect calls: one per Connect edition and stage, its themes (each on one axis, with its own
 * capacity), eligibility, application window and rubric version. Calls are public to read; the main
 * event's call shows the pre-event's published results of the same fiscal year.
 */
@ApplicationScoped
public class Calls {

  static final Set<String> AXES = Set.of("industry", "technology", "social-science");
  static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  public record ThemeInput(String code, String axis, String title, Integer capacity) {}

  public record CallInput(
      String editionId,
      String title,
      String eligibility,
      String opensAt,
      String closesAt,
      String rubricVersion,
      Integer minReviews,
      List<ThemeInput> themes) {}

  public record ResultsInput(String summary) {}

  public record Theme(UUID id, String code, String axis, String title, int capacity) {}

  public record Criterion(String code, String nameJa, String nameEn, int maxScore) {}

  public record Results(String summary, OffsetDateTime publishedAt) {}

  /** The pre-event of the same fiscal year, as the main event's call presents it. */
  public record PreEvent(UUID callId, String title, List<Theme> themes, Results results) {}

  public record CallView(
      UUID id,
      UUID editionId,
      int fiscalYear,
      String stage,
      int capacity,
      String title,
      String eligibility,
      OffsetDateTime opensAt,
      OffsetDateTime closesAt,
      String rubricVersion,
      int minReviews,
      List<Criterion> rubric,
      List<Theme> themes,
      Results results,
      PreEvent preEvent,
      long version) {}

  public record Page(List<CallView> items, String next) {}

  @Inject EntityManager em;
  @Inject Clock clock;

  OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  @Transactional
  public CallView create(CallInput in) {
    Checks c = Checks.start();
    if (in == null) {
      c.reject("body", "is required").throwIfAny();
    }
    Edition edition = connectEdition(c, in.editionId());
    String title = c.text("title", in.title(), 200);
    String eligibility = c.text("eligibility", in.eligibility(), 2000);
    OffsetDateTime opens = c.dateTime("opensAt", in.opensAt());
    OffsetDateTime closes = c.dateTime("closesAt", in.closesAt());
    if (opens != null && closes != null) {
      if (!closes.isAfter(opens)) {
        c.reject("closesAt", "must be after opensAt");
      } else if (!opens.getOffset().equals(closes.getOffset())) {
        c.reject("closesAt", "must have the same UTC offset as opensAt");
      }
    }
    String rubric = c.text("rubricVersion", in.rubricVersion(), 20);
    if (rubric != null && criteria(rubric).isEmpty()) {
      c.reject("rubricVersion", "is not a rubric version");
    }
    int minReviews =
        in.minReviews() == null ? 2 : orZero(c.integer("minReviews", in.minReviews(), 2, 10));
    List<ThemeInput> themes = in.themes();
    if (themes == null || themes.isEmpty() || themes.size() > 20) {
      c.reject("themes", "must hold 1 to 20 themes");
      themes = List.of();
    }
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < themes.size(); i++) {
      ThemeInput t = themes.get(i);
      String f = "themes[" + i + "]";
      if (t == null) {
        c.reject(f, "is required");
        continue;
      }
      String code =
          c.matching(f + ".code", t.code(), CODE, "must be a code such as ai or automotive");
      if (code != null && !codes.add(code)) {
        c.reject(f + ".code", "must not repeat another theme's code");
      }
      c.oneOf(f + ".axis", t.axis(), AXES);
      c.text(f + ".title", t.title(), 200);
      c.integer(f + ".capacity", t.capacity(), 1, 1000);
    }
    c.throwIfAny();
    Number existing =
        (Number)
            em.createNativeQuery("SELECT count(*) FROM connect_call WHERE edition_id = ?1")
                .setParameter(1, edition.id)
                .getSingleResult();
    if (existing.intValue() > 0) {
      throw ProblemException.conflict(
          "call-exists", "Call exists", "This edition already has its Connect call.");
    }
    ConnectCall call = new ConnectCall();
    call.id = UUID.randomUUID();
    call.editionId = edition.id;
    call.title = title;
    call.eligibility = eligibility;
    call.opensAt = opens;
    call.closesAt = closes;
    call.utcOffsetSeconds = opens.getOffset().getTotalSeconds();
    call.rubricVersion = rubric;
    call.minReviews = minReviews;
    call.createdAt = now();
    em.persist(call);
    em.flush();
    for (int i = 0; i < themes.size(); i++) {
      ThemeInput t = themes.get(i);
      em.createNativeQuery(
              "INSERT INTO connect_theme (id, call_id, code, display_order, axis, title, capacity)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
          .setParameter(1, UUID.randomUUID())
          .setParameter(2, call.id)
          .setParameter(3, t.code())
          .setParameter(4, i + 1)
          .setParameter(5, t.axis())
          .setParameter(6, t.title().strip())
          .setParameter(7, t.capacity())
          .executeUpdate();
    }
    return view(call);
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private Edition connectEdition(Checks c, String editionId) {
    if (editionId == null) {
      c.reject("editionId", "is required");
      return null;
    }
    UUID id;
    try {
      id = UUID.fromString(editionId);
    } catch (IllegalArgumentException e) {
      c.reject("editionId", "must be a UUID");
      return null;
    }
    Edition edition = em.find(Edition.class, id);
    if (edition == null
        || !"connect".equals(edition.programmeCode)
        || "single".equals(edition.stage)) {
      c.reject("editionId", "must be a Camp Connect edition (stage pre or main)");
      return null;
    }
    return edition;
  }

  @Transactional
  public Page list(String cursor, int limit, UriInfo uri) {
    Keyset after = Keyset.decode(cursor);
    // Every call is listed; "1 = 1" only gives the position's condition a WHERE to join.
    var query =
        em.createQuery(
            "SELECT c FROM ConnectCall c WHERE 1 = 1"
                + Keyset.Order.OLDEST_FIRST.continuing(after, "c.createdAt", "c.id"),
            ConnectCall.class);
    Keyset.Page<ConnectCall> page = Keyset.page(query, after, limit, c -> c.createdAt, c -> c.id);
    return new Page(page.map(this::view).items(), page.nextLink(uri));
  }

  @Transactional
  public CallView get(UUID id) {
    return view(find(id));
  }

  public ConnectCall find(UUID id) {
    return ProblemException.requireFound(em.find(ConnectCall.class, id), "Connect call " + id);
  }

  /** The call, its row locked until the transaction ends: every change of places queues here. */
  public ConnectCall locked(UUID id) {
    return ProblemException.requireFound(
        em.find(ConnectCall.class, id, LockModeType.PESSIMISTIC_WRITE), "Connect call " + id);
  }

  /** The camp office publishes what came of the event once applications have closed. */
  @Transactional
  public CallView publishResults(UUID id, ResultsInput in) {
    Checks c = Checks.start();
    String summary = c.text("summary", in == null ? null : in.summary(), 5000);
    c.throwIfAny();
    ConnectCall call = locked(id);
    if (now().isBefore(call.closesAt)) {
      throw ProblemException.conflict(
          "call-still-open",
          "Call still open",
          "Results are published once the application window has closed.");
    }
    call.resultsSummary = summary;
    call.resultsPublishedAt = now();
    em.flush();
    return view(call);
  }

  @SuppressWarnings("unchecked")
  List<Criterion> criteria(String version) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT code, name_ja, name_en, max_score FROM connect_rubric_criterion"
                    + " WHERE rubric_version = ?1 ORDER BY display_order")
            .setParameter(1, version)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Criterion(
                    (String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue()))
        .toList();
  }

  @SuppressWarnings("unchecked")
  List<Theme> themes(UUID callId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, code, axis, title, capacity FROM connect_theme WHERE call_id = ?1"
                    + " ORDER BY display_order")
            .setParameter(1, callId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Theme(
                    (UUID) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    ((Number) r[4]).intValue()))
        .toList();
  }

  CallView view(ConnectCall call) {
    Edition edition = em.find(Edition.class, call.editionId);
    return new CallView(
        call.id,
        call.editionId,
        edition.fiscalYear,
        edition.stage,
        edition.capacity,
        call.title,
        call.eligibility,
        call.opensAt.withOffsetSameInstant(call.offset()),
        call.closesAt.withOffsetSameInstant(call.offset()),
        call.rubricVersion,
        call.minReviews,
        criteria(call.rubricVersion),
        themes(call.id),
        results(call),
        "main".equals(edition.stage) ? preEvent(edition.fiscalYear) : null,
        call.version);
  }

  private static Results results(ConnectCall call) {
    return call.resultsPublishedAt == null
        ? null
        : new Results(
            call.resultsSummary, call.resultsPublishedAt.withOffsetSameInstant(call.offset()));
  }

  /** The same fiscal year's pre-event call, once its results are published. */
  private PreEvent preEvent(int fiscalYear) {
    List<ConnectCall> pre =
        em.createQuery(
                "SELECT c FROM ConnectCall c, Edition e WHERE e.id = c.editionId"
                    + " AND e.programmeCode = 'connect' AND e.stage = 'pre'"
                    + " AND e.fiscalYear = :year AND c.resultsPublishedAt IS NOT NULL",
                ConnectCall.class)
            .setParameter("year", fiscalYear)
            .getResultList();
    if (pre.isEmpty()) {
      return null;
    }
    ConnectCall p = pre.get(0);
    return new PreEvent(p.id, p.title, themes(p.id), results(p));
  }
}
