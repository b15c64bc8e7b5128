package jp.riss.deemedattendance.application;

/**
 * Who certifies an entry: the applicant's employer, or, for an independent specialist, the client
 * the work was done for. Sample audits draw the two as separate strata.
 */
public enum CertifierRelation {
  EMPLOYER,
  CLIENT
}
