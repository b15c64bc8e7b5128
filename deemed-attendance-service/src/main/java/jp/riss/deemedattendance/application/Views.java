package jp.riss.deemedattendance.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the owner of an application sees. Nothing here is ever public. */
public final class Views {

  private Views() {}

  /**
   * The certifier's address never leaves the service except in the attestation message, not even to
   * the applicant who typed it: they see its first character and domain, enough to spot a typo in
   * the domain or to recognise it ({@code y…@example.jp}).
   */
  static String emailHint(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    return email.substring(0, 1) + "…" + email.substring(at);
  }

  public record EntryView(
      UUID id,
      long version,
      List<String> syllabusItems,
      String title,
      String description,
      LocalDate periodFrom,
      LocalDate periodTo,
      String organisationName,
      String corporateNumber,
      String applicantRole,
      String certifierName,
      String certifierTitle,
      String certifierEmailHint,
      CertifierRelation certifierRelation,
      boolean complete,
      UUID suggestionId,
      EntryStatus status,
      OffsetDateTime attestationRequestedAt,
      OffsetDateTime attestationExpiresAt,
      OffsetDateTime attestationDecidedAt,
      String attestationComment,
      String attestedByName,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {
    public static EntryView of(ExperienceEntry e) {
      return new EntryView(
          e.id,
          e.version,
          List.copyOf(e.syllabusItems),
          e.title,
          e.description,
          e.periodFrom,
          e.periodTo,
          e.organisationName,
          e.corporateNumber,
          e.applicantRole,
          e.certifierName,
          e.certifierTitle,
          emailHint(e.certifierEmail),
          e.certifierRelation,
          e.isComplete(),
          e.suggestionId,
          e.status,
          e.attestationRequestedAt,
          e.attestationExpiresAt,
          e.attestationDecidedAt,
          e.attestationComment,
          e.attestedByName,
          e.createdAt,
          e.updatedAt);
    }
  }

  public record ApplicationView(
      UUID id,
      ApplicationStatus status,
      String requirementKind,
      String registrationNumber,
      LocalDate cycleStartsOn,
      LocalDate cycleExpiresOn,
      LocalDate renewalDueOn,
      long version,
      OffsetDateTime submittedAt,
      String declarationVersion,
      OffsetDateTime declarationAcceptedAt,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      List<EntryView> entries) {
    public static ApplicationView of(Application a) {
      return new ApplicationView(
          a.id,
          a.status,
          a.requirementKind,
          a.cycle.registrationNumber,
          a.cycle.startsOn,
          a.cycle.expiresOn,
          a.cycle.renewalDueOn,
          a.version,
          a.submittedAt,
          a.declarationVersion,
          a.declarationAcceptedAt,
          a.createdAt,
          a.updatedAt,
          a.entries.stream().map(EntryView::of).toList());
    }
  }

  public record ApplicationSummary(
      UUID id,
      ApplicationStatus status,
      String requirementKind,
      String registrationNumber,
      LocalDate cycleStartsOn,
      LocalDate renewalDueOn,
      int entryCount,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {
    public static ApplicationSummary of(Application a) {
      return new ApplicationSummary(
          a.id,
          a.status,
          a.requirementKind,
          a.cycle.registrationNumber,
          a.cycle.startsOn,
          a.cycle.renewalDueOn,
          a.entries.size(),
          a.createdAt,
          a.updatedAt);
    }
  }
}
