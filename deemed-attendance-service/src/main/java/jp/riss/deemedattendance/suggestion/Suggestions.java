package jp.riss.deemedattendance.suggestion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.riss.deemedattendance.application.Applications;
import jp.riss.deemedattendance.application.ExperienceEntries;
import jp.riss.deemedattendance.application.ExperienceEntry;
import jp.riss.deemedattendance.cycle.Cycles;
import jp.riss.deemedattendance.cycle.Registration;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Keyset;

/**
 * Suggested entries: written from completed engagements, listed to their specialist (found by
 * registration number), copied into an application as a normal, still incomplete entry.
 */
@ApplicationScoped
public class Suggestions {

  @Inject Clock clock;

  static final int TITLE_MAX = 200;
  static final int DESCRIPTION_MAX = 4000;

  @Inject EntityManager em;
  @Inject Cycles cycles;
  @Inject Applications applications;
  @Inject ExperienceEntries entries;

  /**
   * Stores or refreshes the suggestion of an engagement. A different event about the same
   * engagement (a republish with a new id) updates it rather than adding a second one.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(EngagementCompleted data) {
    SuggestedEntry s =
        em.createQuery(
                "SELECT s FROM SuggestedEntry s WHERE s.engagementId = :id", SuggestedEntry.class)
            .setParameter("id", data.engagementId())
            .getResultStream()
            .findFirst()
            .orElse(null);
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    boolean created = s == null;
    if (created) {
      s = new SuggestedEntry();
      s.id = UUID.randomUUID();
      s.engagementId = data.engagementId();
      s.createdAt = now;
    }
    s.listingId = data.listingId();
    s.registrationNumber = data.registrationNumber();
    s.theme = data.themeNumber();
    s.organisationName =
        data.organisationName() == null || data.organisationName().isBlank()
            ? null
            : data.organisationName().strip();
    s.startedOn = data.startedOn();
    s.completedOn = data.completedOn();
    s.title = cut(title(s.theme, s.organisationName), TITLE_MAX);
    s.description = cut(description(data, s.organisationName), DESCRIPTION_MAX);
    s.syllabusItems.clear();
    s.syllabusItems.addAll(itemsOf(s.theme));
    s.updatedAt = now;
    if (created) {
      em.persist(s);
    }
    em.flush();
  }

  /** The sub-items the theme maps to, in syllabus order (none for a theme without a mapping). */
  private List<String> itemsOf(int theme) {
    return em.createQuery(
            "SELECT i.code FROM SyllabusItem i WHERE :theme MEMBER OF i.themes"
                + " ORDER BY i.area.number, i.number",
            String.class)
        .setParameter("theme", theme)
        .getResultList();
  }

  static String title(int theme, String organisation) {
    return "指導テーマ" + theme + "による指導" + (organisation == null ? "" : "（" + organisation + "）");
  }

  /** A starting point in the specialist's voice, from the visits' goals and outcomes. */
  static String description(EngagementCompleted data, String organisation) {
    StringBuilder text =
        new StringBuilder()
            .append("登録セキスペアクティブリストを通じた指導（指導テーマ")
            .append(data.themeNumber())
            .append("）として、")
            .append(organisation == null ? "中小企業等" : organisation)
            .append("に対し、")
            .append(data.startedOn())
            .append("から")
            .append(data.completedOn())
            .append("までの間に")
            .append(data.visits().size())
            .append("回の訪問指導を行った。");
    data.visits().stream()
        .sorted(Comparator.comparing(EngagementCompleted.Visit::number))
        .forEach(
            v ->
                text.append("第")
                    .append(v.number())
                    .append("回の目標は「")
                    .append(v.goal().strip())
                    .append("」、成果は「")
                    .append(v.outcome().strip())
                    .append("」。"));
    return text.toString();
  }

  private static String cut(String s, int max) {
    return s.codePointCount(0, s.length()) <= max
        ? s
        : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
  }

  /** The view is built in the transaction: a suggestion's syllabus items load lazily. */
  @Transactional
  public Keyset.Page<SuggestionView> mineViewed(String subject, int limit, Keyset after) {
    return mine(subject, limit, after).map(SuggestionView::of);
  }

  @Transactional
  public SuggestionView ownedViewed(UUID id, String subject) {
    return SuggestionView.of(owned(id, subject));
  }

  /** A page of {@code /me/suggested-entries}, newest first. */
  public Keyset.Page<SuggestedEntry> mine(String subject, int limit, Keyset after) {
    Optional<Registration> registration = cycles.registrationOf(subject);
    if (registration.isEmpty()) {
      return new Keyset.Page<>(List.of(), null);
    }
    var query =
        em.createQuery(
                "SELECT s FROM SuggestedEntry s WHERE s.registrationNumber = :number"
                    + Keyset.Order.NEWEST_FIRST.continuing(after, "s.createdAt", "s.id"),
                SuggestedEntry.class)
            .setParameter("number", registration.get().registrationNumber);
    return Keyset.page(query, after, limit, s -> s.createdAt, s -> s.id);
  }

  /** The caller's suggestion, or 404 (also for anyone else's). */
  public SuggestedEntry owned(UUID id, String subject) {
    SuggestedEntry s = em.find(SuggestedEntry.class, id);
    Optional<Registration> registration = cycles.registrationOf(subject);
    if (s == null
        || registration.isEmpty()
        || !registration.get().registrationNumber.equals(s.registrationNumber)) {
      throw ProblemException.notFound("suggested entry " + id);
    }
    return s;
  }

  @Transactional
  public ExperienceEntry copy(UUID applicationId, UUID suggestionId, String subject) {
    // The application first: someone else's application is a 404 before anything else.
    applications.owned(applicationId, subject);
    SuggestedEntry s = owned(suggestionId, subject);
    return entries.addSuggested(
        applicationId,
        subject,
        s.id,
        List.copyOf(s.syllabusItems),
        s.title,
        s.description,
        s.startedOn,
        s.completedOn,
        s.organisationName);
  }
}
