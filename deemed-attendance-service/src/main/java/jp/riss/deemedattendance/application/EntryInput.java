package jp.riss.deemedattendance.application;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * An experience entry as the specialist writes it (for both adding and replacing). The sizes are
 * the contract's bounds, checked before the application is looked up; {@link EntryFields} checks
 * the rest (and the lengths again after trimming).
 */
public record EntryInput(
    @Size(max = EntryFields.MAX_ITEMS) List<@Size(max = 5) String> syllabusItems,
    @Size(max = 200) String title,
    @Size(max = EntryFields.DESCRIPTION_MAX) String description,
    LocalDate periodFrom,
    LocalDate periodTo,
    @Size(max = 200) String organisationName,
    @Size(max = 13) String corporateNumber,
    @Size(max = 200) String applicantRole,
    @Size(max = 100) String certifierName,
    @Size(max = 100) String certifierTitle,
    @Size(max = 254) String certifierEmail,
    String certifierRelation) {}
