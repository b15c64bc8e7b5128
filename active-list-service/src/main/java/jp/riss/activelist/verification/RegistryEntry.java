package jp.riss.activelist.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What IPA's registry last said about one registration number (imported, never self-declared). */
@Entity
@Table(name = "registry_entry")
public class RegistryEntry extends PanacheEntityBase {

  @Id
  @Column(name = "registration_number", columnDefinition = "text")
  public String registrationNumber;

  @Column(name = "registered_on", nullable = false)
  public LocalDate registeredOn;

  @Column(name = "cycle_start", nullable = false)
  public LocalDate cycleStart;

  @Column(name = "expires_on", nullable = false)
  public LocalDate expiresOn;

  @Column(name = "registration_status", nullable = false, columnDefinition = "text")
  public String registrationStatus;

  @Column(name = "online_course_status", nullable = false, columnDefinition = "text")
  public String onlineCourseStatus;

  @Column(name = "online_course_completed_on")
  public LocalDate onlineCourseCompletedOn;

  @Column(name = "practical_course_status", nullable = false, columnDefinition = "text")
  public String practicalCourseStatus;

  @Column(name = "practical_course_completed_on")
  public LocalDate practicalCourseCompletedOn;

  @Column(name = "import_id", nullable = false)
  public UUID importId;

  @Column(name = "verified_at", nullable = false)
  public OffsetDateTime verifiedAt;
}
