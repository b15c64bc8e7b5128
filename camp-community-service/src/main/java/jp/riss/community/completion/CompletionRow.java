package jp.riss.community.completion;

import java.time.LocalDate;
import java.util.UUID;

/** One valid completion row: a person as the camp office records them, and one completion. */
record CompletionRow(
    int number,
    String rowKey,
    String personRef,
    String fullName,
    String email,
    LocalDate dateOfBirth,
    String guardianEmail,
    String programme,
    int fiscalYear,
    UUID edition,
    boolean verified) {

  /** What must agree between rows of one person. */
  record PersonFacts(String fullName, String email, LocalDate dateOfBirth, String guardianEmail) {}

  PersonFacts person() {
    return new PersonFacts(fullName, email, dateOfBirth, guardianEmail);
  }
}
