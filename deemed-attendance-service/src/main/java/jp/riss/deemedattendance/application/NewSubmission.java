package jp.riss.deemedattendance.application;

/** The applicant's submission: the version of the sworn declaration they accept. */
public record NewSubmission(String declarationVersion) {}
