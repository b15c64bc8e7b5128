package jp.riss.deemedattendance.application;

import java.time.LocalDate;
import java.util.List;

/** An experience entry as the specialist writes it (for both adding and replacing). */
public record EntryInput(
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
    String certifierEmail,
    String certifierRelation) {}
