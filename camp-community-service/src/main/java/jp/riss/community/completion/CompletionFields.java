package jp.riss.community.completion;

import java.util.Set;

/** The fields of a completion row, in JSON and as CSV header names. */
final class CompletionFields {

  static final String ROW_KEY = "rowKey";
  static final String PERSON_REF = "personRef";
  static final String FULL_NAME = "fullName";
  static final String EMAIL = "email";
  static final String DATE_OF_BIRTH = "dateOfBirth";
  static final String GUARDIAN_EMAIL = "guardianEmail";
  static final String PROGRAMME = "programme";
  static final String FISCAL_YEAR = "fiscalYear";
  static final String EDITION = "edition";
  static final String VERIFIED = "verified";

  static final Set<String> ALL =
      Set.of(
          ROW_KEY,
          PERSON_REF,
          FULL_NAME,
          EMAIL,
          DATE_OF_BIRTH,
          GUARDIAN_EMAIL,
          PROGRAMME,
          FISCAL_YEAR,
          EDITION,
          VERIFIED);

  static final Set<String> REQUIRED =
      Set.of(
          ROW_KEY, PERSON_REF, FULL_NAME, EMAIL, DATE_OF_BIRTH, PROGRAMME, FISCAL_YEAR, VERIFIED);

  private CompletionFields() {}
}
