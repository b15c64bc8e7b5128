package jp.riss.guide.diagnosis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import jp.riss.guide.web.CachedRead;
import jp.riss.guide.web.SqlValues;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Preconditions;
import org.jboss.logging.Logger;

/**
 * Self-diagnosis instruments: shipped versions imported once from {@code guide/instruments/}
 * (checked strictly, published at once), drafts IPA's editors make through the API, and reads in
 * Japanese or English. Drafts exist only for editors and reviewers; a published version never
 * changes.
 */
@ApplicationScoped
public class Instruments {

  public static final String DRAFT = "draft";
  public static final String PUBLISHED = "published";
  private static final Logger LOG = Logger.getLogger(Instruments.class);
  private static final Pattern CODE = InstrumentRules.CODE;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final String SHIPPED_BY = "shipped";

  @Inject EntityManager em;
  @Inject Clock clock;

  // A published version never changes (replaceDraft and publish touch drafts only), so every
  // diagnosis and every read of its gaps need not read and parse the stored document again while
  // holding a pooled connection: kept once a diagnosis has used it.
  private final Map<String, Instrument> published = new ConcurrentHashMap<>();

  record Index(String about, List<String> files) {}

  /** A stored version with its state and revision (what If-Match compares). */
  public record Stored(
      Instrument document, String state, long revision, OffsetDateTime publishedAt) {}

  /** The list of instrument versions. */
  public record InstrumentList(List<InstrumentView.Summary> items) {}

  void onStart(@Observes StartupEvent start) {
    importShipped();
  }

  @Transactional
  public void importShipped() {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('guide-instrument-import'))")
        .getSingleResult();
    for (String file : read("index.json", Index.class).files()) {
      Instrument i = read(file, Instrument.class);
      check(file, i);
      if (stored(i.code(), i.version()).isEmpty()) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        insert(i, DRAFT, now, SHIPPED_BY);
        publish(i.code(), i.version(), 2, now, SHIPPED_BY);
        LOG.infof("imported instrument %s/%s (%d items)", i.code(), i.version(), i.items().size());
      }
    }
  }

  @Transactional
  public CachedRead list(String lang, boolean editor) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT document::text, state FROM diagnosis_instrument"
                    + " WHERE state = 'published' OR ?1 ORDER BY code, imported_at")
            .setParameter(1, editor)
            .getResultList();
    List<InstrumentView.Summary> items =
        rows.stream()
            .map(r -> (Object[]) r)
            .map(
                r -> {
                  Instrument i = parse((String) r[0]);
                  return new InstrumentView.Summary(
                      i.code(), i.version(), i.title().get(lang), (String) r[1]);
                })
            .toList();
    return new CachedRead(new InstrumentList(items), null, editor ? 0 : 300, !editor, Set.of(lang));
  }

  @Transactional
  public CachedRead get(String code, String version, String lang, boolean editor) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw ProblemException.badRequest(
          "code", "must be an instrument code such as sme-self-check");
    }
    if (version == null || !CODE.matcher(version).matches()) {
      throw ProblemException.badRequest("version", "must be a version such as 2025-1");
    }
    Stored s =
        stored(code, version)
            .filter(found -> editor || PUBLISHED.equals(found.state()))
            .orElseThrow(
                () -> ProblemException.notFound("instrument " + code + " version " + version));
    InstrumentView view = InstrumentView.of(s.document(), s.state(), lang);
    Set<String> languages = new HashSet<>();
    view.items().forEach(item -> languages.add(item.lang()));
    languages.add(lang);
    if (DRAFT.equals(s.state())) {
      return new CachedRead(view, Preconditions.etag(s.revision()), 0, false, languages);
    }
    // Immutable once published: caches may keep it long.
    return new CachedRead(view, null, 86_400, true, languages);
  }

  /** A version in any state, as stored. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Instrument> find(String code, String version) {
    Instrument kept = published.get(code + "@" + version);
    return kept != null ? Optional.of(kept) : stored(code, version).map(Stored::document);
  }

  /** A version diagnoses may be answered against now: a published one. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Instrument> usable(String code, String version) {
    Instrument kept = published.get(code + "@" + version);
    if (kept != null) {
      return Optional.of(kept);
    }
    Optional<Instrument> found =
        stored(code, version).filter(s -> PUBLISHED.equals(s.state())).map(Stored::document);
    found.ifPresent(i -> published.put(code + "@" + version, i));
    return found;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Stored> stored(String code, String version) {
    return select(code, version, "");
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Stored> storedForUpdate(String code, String version) {
    return select(code, version, " FOR UPDATE");
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean hasPublished(String code) {
    return !em.createNativeQuery(
            "SELECT 1 FROM diagnosis_instrument WHERE code = ?1 AND state = 'published'")
        .setParameter(1, code)
        .getResultList()
        .isEmpty();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void insert(Instrument i, String state, OffsetDateTime now, String by) {
    em.createNativeQuery(
            "INSERT INTO diagnosis_instrument (code, version, document, imported_at, state,"
                + " revision, edited_by) VALUES (?1, ?2, CAST(?3 AS jsonb), ?4, ?5, 1, ?6)")
        .setParameter(1, i.code())
        .setParameter(2, i.version())
        .setParameter(3, write(i))
        .setParameter(4, now)
        .setParameter(5, state)
        .setParameter(6, by)
        .executeUpdate();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void replaceDraft(Instrument i, long revision, String by) {
    em.createNativeQuery(
            "UPDATE diagnosis_instrument SET document = CAST(?3 AS jsonb), revision = ?4,"
                + " edited_by = ?5 WHERE code = ?1 AND version = ?2 AND state = 'draft'")
        .setParameter(1, i.code())
        .setParameter(2, i.version())
        .setParameter(3, write(i))
        .setParameter(4, revision)
        .setParameter(5, by)
        .executeUpdate();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void publish(String code, String version, long revision, OffsetDateTime now, String by) {
    em.createNativeQuery(
            "UPDATE diagnosis_instrument SET state = 'published', published_at = ?3,"
                + " revision = ?4, edited_by = ?5 WHERE code = ?1 AND version = ?2"
                + " AND state = 'draft'")
        .setParameter(1, code)
        .setParameter(2, version)
        .setParameter(3, now)
        .setParameter(4, revision)
        .setParameter(5, by)
        .executeUpdate();
  }

  private Optional<Stored> select(String code, String version, String lock) {
    return em
        .createNativeQuery(
            "SELECT document::text, state, revision, published_at FROM diagnosis_instrument"
                + " WHERE code = ?1 AND version = ?2"
                + lock)
        .setParameter(1, code)
        .setParameter(2, version)
        .getResultList()
        .stream()
        .findFirst()
        .map(
            r -> {
              Object[] c = (Object[]) r;
              return new Stored(
                  parse((String) c[0]),
                  (String) c[1],
                  ((Number) c[2]).longValue(),
                  SqlValues.time(c[3]));
            });
  }

  /**
   * What a shipped instrument must satisfy (the rules an editor's draft meets); a broken file stops
   * the start with its name and every fault.
   */
  void check(String file, Instrument i) {
    Instrument previous =
        i.previous() == null ? null : find(i.code(), i.previous().version()).orElse(null);
    List<Problem.Violation> violations = InstrumentRules.check(i, previous);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("instrument " + file + " is broken: " + violations);
    }
  }

  static <T> T read(String name, Class<T> type) {
    try (InputStream in =
        Thread.currentThread()
            .getContextClassLoader()
            .getResourceAsStream("guide/instruments/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing instrument file " + name);
      }
      return JSON.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read instrument file " + name, e);
    }
  }

  private static Instrument parse(String json) {
    try {
      return JSON.readValue(json, Instrument.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored instrument is not readable", e);
    }
  }

  private static String write(Instrument i) {
    try {
      return JSON.writeValueAsString(i);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
