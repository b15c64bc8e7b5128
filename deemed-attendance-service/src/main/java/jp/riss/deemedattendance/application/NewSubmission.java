package jp.riss.deemedattendance.application;

import jakarta.validation.constraints.Size;
import jp.riss.deemedattendance.declaration.SwornDeclaration;

/** The applicant's submission: the version of the sworn declaration they accept. */
public record NewSubmission(@Size(max = SwornDeclaration.MAX_VERSION) String declarationVersion) {}
