package jp.riss.community.edition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.riss.community.support.Checks;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Preconditions;

/**
 * Editions per programme, managed by the camp office. Camp Connect's two stages are {@code pre} and
 * {@code main}; every other programme's edition is {@code single}.
 */
@ApplicationScoped
public class Editions {

  static final Set<String> FORMATS = Set.of("in-person", "online", "both");
  static final Set<String> STAGES = Set.of("single", "pre", "main");
  static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  /** An edition as sent by the camp office and as read. */
  public record EditionInput(
      String programme,
      Integer fiscalYear,
      String stage,
      String startsOn,
      String endsOn,
      String format,
      Integer capacity,
      String eligibilityReferenceDate) {}

  public record EditionView(
      UUID id,
      String programme,
      int fiscalYear,
      String stage,
      LocalDate startsOn,
      LocalDate endsOn,
      String format,
      int capacity,
      LocalDate eligibilityReferenceDate,
      long version) {

    static EditionView of(Edition e) {
      return new EditionView(
          e.id,
          e.programmeCode,
          e.fiscalYear,
          e.stage,
          e.startsOn,
          e.endsOn,
          e.format,
          e.capacity,
          e.eligibilityReferenceDate,
          e.version);
    }
  }

  @Inject EntityManager em;

  @Transactional
  public List<EditionView> list(String programme) {
    if (programme != null && !CODE.matcher(programme).matches()) {
      throw ProblemException.badRequest("programme", "must be a programme code");
    }
    jakarta.persistence.TypedQuery<Edition> query =
        em.createQuery(
            "SELECT e FROM Edition e"
                + (programme == null ? "" : " WHERE e.programmeCode = :p")
                + " ORDER BY e.programmeCode, e.fiscalYear, e.stage, e.id",
            Edition.class);
    if (programme != null) {
      query.setParameter("p", programme);
    }
    return query.setMaxResults(500).getResultList().stream().map(EditionView::of).toList();
  }

  @Transactional
  public EditionView get(UUID id) {
    return EditionView.of(find(id));
  }

  public Edition find(UUID id) {
    return ProblemException.requireFound(em.find(Edition.class, id), "edition " + id);
  }

  @Transactional
  public EditionView create(EditionInput input) {
    Edition e = new Edition();
    e.id = UUID.randomUUID();
    apply(e, input);
    if (exists(e.programmeCode, e.fiscalYear, e.stage, null)) {
      throw duplicate();
    }
    em.persist(e);
    em.flush();
    return EditionView.of(e);
  }

  @Transactional
  public EditionView update(UUID id, String ifMatch, EditionInput input) {
    Edition probe = new Edition();
    apply(probe, input);
    Edition e = find(id);
    Preconditions.requireIfMatch(ifMatch, e.version);
    if (exists(probe.programmeCode, probe.fiscalYear, probe.stage, id)) {
      throw duplicate();
    }
    apply(e, input);
    em.flush();
    return EditionView.of(e);
  }

  private boolean exists(String programme, int year, String stage, UUID except) {
    return em
        .createQuery(
            "SELECT e.id FROM Edition e WHERE e.programmeCode = :p AND e.fiscalYear = :y"
                + " AND e.stage = :s",
            UUID.class)
        .setParameter("p", programme)
        .setParameter("y", year)
        .setParameter("s", stage)
        .getResultList()
        .stream()
        .anyMatch(found -> !found.equals(except));
  }

  private static ProblemException duplicate() {
    return ProblemException.conflict(
        "edition-exists",
        "Edition exists",
        "The programme already has an edition of that fiscal year and stage.");
  }

  private void apply(Edition e, EditionInput in) {
    Checks checks = Checks.start();
    if (in == null) {
      checks.reject("body", "is required").throwIfAny();
    }
    String programme =
        checks.matching("programme", in.programme(), CODE, "must be a programme code");
    Integer year = checks.integer("fiscalYear", in.fiscalYear(), 2000, 2100);
    String stage = checks.oneOf("stage", in.stage(), STAGES);
    LocalDate starts = checks.date("startsOn", in.startsOn());
    LocalDate ends = checks.date("endsOn", in.endsOn());
    String format = checks.oneOf("format", in.format(), FORMATS);
    Integer capacity = checks.integer("capacity", in.capacity(), 1, 100000);
    LocalDate reference = checks.date("eligibilityReferenceDate", in.eligibilityReferenceDate());
    if (starts != null && ends != null && ends.isBefore(starts)) {
      checks.reject("endsOn", "must not be before startsOn");
    }
    if (programme != null
        && em.find(jp.riss.community.programme.Programme.class, programme) == null) {
      checks.reject("programme", "is not a known programme");
    } else if (programme != null && stage != null) {
      boolean connect = "connect".equals(programme);
      if (connect == "single".equals(stage)) {
        checks.reject("stage", connect ? "must be pre or main for Camp Connect" : "must be single");
      }
    }
    checks.throwIfAny();
    e.programmeCode = programme;
    e.fiscalYear = year;
    e.stage = stage;
    e.startsOn = starts;
    e.endsOn = ends;
    e.format = format;
    e.capacity = capacity;
    e.eligibilityReferenceDate = reference;
  }
}
