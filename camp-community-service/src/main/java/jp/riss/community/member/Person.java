package jp.riss.community.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person as the camp office records them, and — once they redeem their enrolment code — the
 * member bound to an alumni token subject. Contact details and the date of birth are the camp
 * office's; members and the public never see them.
 */
@Entity
@Table(name = "person")
public class Person {

  @Id public UUID id;

  @Column(name = "person_ref", nullable = false, columnDefinition = "text")
  public String personRef;

  @Column(name = "full_name", nullable = false, columnDefinition = "text")
  public String fullName;

  @Column(nullable = false, columnDefinition = "text")
  public String email;

  @Column(name = "date_of_birth", nullable = false)
  public LocalDate dateOfBirth;

  @Column(name = "guardian_email", columnDefinition = "text")
  public String guardianEmail;

  @Column(columnDefinition = "text")
  public String subject;

  @Column(name = "enrolled_at")
  public OffsetDateTime enrolledAt;

  @Column(name = "display_name", columnDefinition = "text")
  public String displayName;

  @Column(columnDefinition = "text")
  public String prefecture;

  @Column(columnDefinition = "text")
  public String municipality;

  @Column(name = "affiliation_kind", columnDefinition = "text")
  public String affiliationKind;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  public String[] interests = new String[0];

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "own_scopes", nullable = false, columnDefinition = "text[]")
  public String[] ownScopes = new String[0];

  @Column(name = "own_settings_at")
  public OffsetDateTime ownSettingsAt;

  @Column(name = "posting_suspended", nullable = false)
  public boolean postingSuspended;

  @Column(nullable = false)
  public boolean banned;

  @Column(name = "profile_deleted_at")
  public OffsetDateTime profileDeletedAt;

  @Version
  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  public AgeBand ageBand(LocalDate today) {
    return AgeBand.of(dateOfBirth, today);
  }

  /** The day they turn 18, when guardian consents lapse. */
  public LocalDate majorityDay() {
    return dateOfBirth.plusYears(AgeBand.MAJORITY);
  }

  /** The name other members see: the chosen display name, never the camp office's full name. */
  public String shownName() {
    return displayName == null ? "修了生" : displayName;
  }
}
