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
import java.util.Set;
import java.util.regex.Pattern;
import jp.riss.guide.web.CachedRead;
import jp.riss.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Self-diagnosis instruments: imported once from {@code guide/instruments/} (checked strictly),
 * never changed afterwards, and read in Japanese or English.
 */
@ApplicationScoped
public class Instruments {

  private static final Logger LOG = Logger.getLogger(Instruments.class);
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,38}[a-z0-9]");
  private static final Set<String> PARTS = Set.of("basics", "employees", "organisation");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Inject EntityManager em;
  @Inject Clock clock;

  record Index(String about, List<String> files) {}

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
      int inserted =
          em.createNativeQuery(
                  "INSERT INTO diagnosis_instrument (code, version, document, imported_at)"
                      + " VALUES (?1, ?2, CAST(?3 AS jsonb), ?4) ON CONFLICT DO NOTHING")
              .setParameter(1, i.code())
              .setParameter(2, i.version())
              .setParameter(3, write(i))
              .setParameter(4, OffsetDateTime.now(clock))
              .executeUpdate();
      if (inserted == 1) {
        LOG.infof("imported instrument %s/%s (%d items)", i.code(), i.version(), i.items().size());
      }
    }
  }

  @Transactional
  public CachedRead list(String lang) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT document::text FROM diagnosis_instrument ORDER BY code, imported_at")
            .getResultList();
    List<InstrumentView.Summary> items =
        rows.stream()
            .map(r -> parse((String) r))
            .map(i -> new InstrumentView.Summary(i.code(), i.version(), i.title().get(lang)))
            .toList();
    return new CachedRead(new InstrumentList(items), null, 300, true, Set.of(lang));
  }

  @Transactional
  public CachedRead get(String code, String version, String lang) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw ProblemException.badRequest(
          "code", "must be an instrument code such as sme-self-check");
    }
    if (version == null || !CODE.matcher(version).matches()) {
      throw ProblemException.badRequest("version", "must be a version such as 2025-1");
    }
    List<?> rows =
        em.createNativeQuery(
                "SELECT document::text FROM diagnosis_instrument WHERE code = ?1 AND version = ?2")
            .setParameter(1, code)
            .setParameter(2, version)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("instrument " + code + " version " + version);
    }
    InstrumentView view = InstrumentView.of(parse((String) rows.get(0)), lang);
    Set<String> languages = new HashSet<>();
    view.items().forEach(item -> languages.add(item.lang()));
    languages.add(lang);
    // Immutable once imported: caches may keep it long.
    return new CachedRead(view, null, 86_400, true, languages);
  }

  /** The instrument version a diagnosis may be answered against, if it exists. */
  @Transactional(Transactional.TxType.MANDATORY)
  public java.util.Optional<Instrument> find(String code, String version) {
    return em
        .createNativeQuery(
            "SELECT document::text FROM diagnosis_instrument WHERE code = ?1 AND version = ?2")
        .setParameter(1, code)
        .setParameter(2, version)
        .getResultList()
        .stream()
        .findFirst()
        .map(r -> parse((String) r));
  }

  /** A version diagnoses may be answered against now (a published one). */
  @Transactional(Transactional.TxType.MANDATORY)
  public java.util.Optional<Instrument> usable(String code, String version) {
    return find(code, version);
  }

  /** What a shipped instrument must satisfy; a broken file stops the start with its name. */
  static void check(String file, Instrument i) {
    Set<String> ids = new HashSet<>();
    Set<String> facts = new HashSet<>();
    i.facts().forEach(f -> facts.add(f.code()));
    for (Instrument.Item item : i.items()) {
      boolean ok =
          ids.add(item.id())
              && PARTS.contains(item.part())
              && item.step() >= 1
              && item.step() <= 4
              && item.ja() != null
              && item.ja().text() != null
              && (item.applicableIf() == null || facts.contains(item.applicableIf().fact()));
      if (!ok) {
        throw new IllegalStateException(
            "instrument " + file + ": item " + item.id() + " is broken");
      }
    }
    for (Instrument.Exit exit : i.placement().exits()) {
      if (!ids.containsAll(exit.allYes())) {
        throw new IllegalStateException(
            "instrument " + file + ": Step " + exit.step() + " exit names unknown items");
      }
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
