package jp.riss.deemedattendance.cycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A course IPA reports completed, filling one slot (cycle, requirement kind, period) of a cycle.
 * The period is the cycle year for per-year kinds and 1 for once-per-cycle kinds.
 */
@Entity
@Table(name = "course_completion")
public class CourseCompletion {

  @Id public UUID id;

  @Column(name = "cycle_id", nullable = false)
  public UUID cycleId;

  @Column(name = "requirement_kind", nullable = false, columnDefinition = "text")
  public String requirementKind;

  @Column(nullable = false)
  public int period;

  @Column(name = "course_name", nullable = false, columnDefinition = "text")
  public String courseName;

  @Column(name = "completed_on", nullable = false)
  public LocalDate completedOn;

  @Column(name = "recorded_at", nullable = false)
  public OffsetDateTime recordedAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
