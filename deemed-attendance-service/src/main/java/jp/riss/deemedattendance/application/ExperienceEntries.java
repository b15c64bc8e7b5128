package jp.riss.deemedattendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.riss.deemedattendance.example.DescriptionSimilarity;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Preconditions;

/**
 * The experience entries of an application its owner may still amend (a draft, or one IPA sent
 * back): added, replaced, removed or copied from a suggestion, each checked by {@link EntryFields}
 * and flagged when another applicant's entry has the same description.
 */
@ApplicationScoped
public class ExperienceEntries {

  public static final int MAX_ENTRIES = 20;

  @Inject EntityManager em;
  @Inject Applications applications;
  @Inject EntryFields fields;

  public ExperienceEntry entry(Application application, UUID entryId) {
    return application.entries.stream()
        .filter(e -> e.id.equals(entryId))
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("entry " + entryId));
  }

  @Transactional
  public ExperienceEntry addEntry(UUID applicationId, String subject, EntryInput input) {
    Application application = applications.owned(applicationId, subject);
    requireAmendable(application);
    ExperienceEntry entry = new ExperienceEntry();
    fields.apply(application, entry, input);
    if (application.entries.size() >= MAX_ENTRIES) {
      throw Applications.conflict(
          "too-many-entries",
          "Too many entries",
          "An application has at most " + MAX_ENTRIES + " entries.",
          null);
    }
    entry.id = UUID.randomUUID();
    entry.application = application;
    entry.createdAt = applications.now();
    entry.updatedAt = entry.createdAt;
    // Flagged before the insert, so that a new entry is stored once, at version 0.
    flagSharedDescription(entry, subject);
    application.entries.add(entry);
    application.updatedAt = entry.createdAt;
    em.persist(entry);
    em.flush();
    return entry;
  }

  @Transactional
  public ExperienceEntry replaceEntry(
      UUID applicationId, UUID entryId, String subject, String ifMatch, EntryInput input) {
    Application application = applications.owned(applicationId, subject);
    ExperienceEntry entry = entry(application, entryId);
    Preconditions.requireIfMatch(ifMatch, entry.version);
    requireAmendable(application);
    // Sent back by IPA, even an attested entry may be amended; it then needs a new attestation.
    boolean reopened =
        application.status == ApplicationStatus.MORE_INFORMATION_REQUESTED
            && entry.status == EntryStatus.ATTESTED;
    if (!entry.isEditable() && !reopened) {
      throw Applications.conflict(
          "entry-not-editable",
          "Entry not editable",
          "The entry is " + entry.status + "; only DRAFT or DECLINED entries can be changed.",
          null);
    }
    fields.apply(application, entry, input);
    if (reopened) {
      entry.status = EntryStatus.DRAFT;
      entry.attestationRequestedAt = null;
      entry.attestationExpiresAt = null;
      entry.attestationDecidedAt = null;
      entry.attestationComment = null;
      entry.attestedByName = null;
    }
    entry.updatedAt = applications.now();
    application.updatedAt = entry.updatedAt;
    flagSharedDescription(entry, subject);
    em.flush();
    return entry;
  }

  @Transactional
  public void deleteEntry(UUID applicationId, UUID entryId, String subject) {
    Application application = applications.owned(applicationId, subject);
    ExperienceEntry entry = entry(application, entryId);
    requireAmendable(application);
    application.entries.remove(entry);
    application.updatedAt = applications.now();
  }

  /**
   * Flags the entry when another applicant's entry has the same normalised description, and flags
   * theirs too (without touching their version: the flag is IPA's, not part of their draft).
   */
  private void flagSharedDescription(ExperienceEntry entry, String subject) {
    // Native and FlushMode COMMIT: the entry's pending change is flushed once, at the end.
    Number others =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM experience_entry e"
                        + " JOIN application a ON a.id = e.application_id"
                        + " WHERE e.description_key = ?1 AND a.specialist_subject <> ?2")
                .setParameter(1, entry.descriptionKey)
                .setParameter(2, subject)
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
    entry.sharedDescription = others.longValue() > 0;
    if (entry.sharedDescription) {
      em.createNativeQuery(
              "UPDATE experience_entry SET shared_description = true"
                  + " WHERE description_key = ?1 AND NOT shared_description AND application_id IN"
                  + " (SELECT id FROM application WHERE specialist_subject <> ?2)")
          .setParameter(1, entry.descriptionKey)
          .setParameter(2, subject)
          .setFlushMode(FlushModeType.COMMIT)
          .executeUpdate();
    }
  }

  private static void requireAmendable(Application application) {
    if (!application.status.isAmendable()) {
      throw Applications.conflict(
          "not-a-draft",
          "Not a draft",
          "Only a draft (or an application IPA sent back for more information) can be changed.",
          null);
    }
  }

  /**
   * Copies a suggested entry into an application the caller may amend, as a normal entry that is
   * still incomplete: replacing it with every field (and every check of a new entry) completes it.
   */
  @Transactional
  public ExperienceEntry addSuggested(
      UUID applicationId,
      String subject,
      UUID suggestionId,
      List<String> items,
      String title,
      String description,
      LocalDate from,
      LocalDate to,
      String organisationName) {
    Application application = applications.owned(applicationId, subject);
    requireAmendable(application);
    if (application.entries.stream().anyMatch(e -> suggestionId.equals(e.suggestionId))) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "suggestion-already-copied",
                  "Suggestion already copied",
                  "This application already has an entry copied from that suggestion.")
              .withViolations(
                  List.of(new Problem.Violation("suggestionId", "is already in the application"))));
    }
    if (application.entries.size() >= MAX_ENTRIES) {
      throw Applications.conflict(
          "too-many-entries",
          "Too many entries",
          "An application has at most " + MAX_ENTRIES + " entries.",
          null);
    }
    ExperienceEntry entry = new ExperienceEntry();
    entry.id = UUID.randomUUID();
    entry.application = application;
    entry.suggestionId = suggestionId;
    entry.syllabusItems.addAll(items);
    entry.title = title;
    entry.description = description;
    entry.descriptionKey = DescriptionSimilarity.key(description);
    entry.periodFrom = from;
    entry.periodTo = to;
    // Where the guidance was given is known; who certifies it is the specialist's to say.
    entry.organisationName = organisationName == null ? "（未記入）" : organisationName;
    entry.createdAt = applications.now();
    entry.updatedAt = entry.createdAt;
    application.entries.add(entry);
    application.updatedAt = entry.createdAt;
    em.persist(entry);
    em.flush();
    return entry;
  }
}
