package jp.riss.deemedattendance.suggestion;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A suggested experience entry as its specialist reads it. */
public record SuggestionView(
    UUID id,
    UUID engagementId,
    int theme,
    List<String> syllabusItems,
    String title,
    String description,
    String organisationName,
    LocalDate periodFrom,
    LocalDate periodTo,
    OffsetDateTime createdAt) {
  static SuggestionView of(SuggestedEntry s) {
    return new SuggestionView(
        s.id,
        s.engagementId,
        s.theme,
        List.copyOf(s.syllabusItems),
        s.title,
        s.description,
        s.organisationName,
        s.startedOn,
        s.completedOn,
        s.createdAt);
  }
}
