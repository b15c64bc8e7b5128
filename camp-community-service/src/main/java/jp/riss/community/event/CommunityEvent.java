package jp.riss.community.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** An event of the community; registrations against it are rows of {@code event_registration}. */
@Entity
@Table(name = "community_event")
public class CommunityEvent {

  @Id public UUID id;

  @Column(nullable = false, columnDefinition = "text")
  public String kind;

  @Column(nullable = false, columnDefinition = "text")
  public String title;

  @Column(columnDefinition = "text")
  public String description;

  @Column(nullable = false, columnDefinition = "text")
  public String format;

  @Column(columnDefinition = "text")
  public String prefecture;

  @Column(columnDefinition = "text")
  public String venue;

  @Column(name = "starts_at", nullable = false)
  public OffsetDateTime startsAt;

  @Column(name = "ends_at", nullable = false)
  public OffsetDateTime endsAt;

  @Column(name = "utc_offset_seconds", nullable = false)
  public int utcOffsetSeconds;

  @Column(nullable = false)
  public int capacity;

  @Column(name = "waitlist_length", nullable = false)
  public int waitlistLength;

  @Column(name = "registration_opens_at", nullable = false)
  public OffsetDateTime registrationOpensAt;

  @Column(name = "registration_closes_at", nullable = false)
  public OffsetDateTime registrationClosesAt;

  @jakarta.persistence.Embedded
  public jp.riss.community.audience.AudienceColumns audience =
      new jp.riss.community.audience.AudienceColumns();

  @Column(name = "safeguarding_lead", columnDefinition = "text")
  public String safeguardingLead;

  @Column(nullable = false, columnDefinition = "text")
  public String state;

  /** A workshop's topic came from this survey's results. */
  @Column(name = "topic_survey_id")
  public UUID topicSurveyId;

  @Column(name = "opened_at")
  public OffsetDateTime openedAt;

  /** The camp-office subject that created the event (null for events made before it was kept). */
  @Column(columnDefinition = "text")
  public String organiser;

  @Column(name = "cancelled_at")
  public OffsetDateTime cancelledAt;

  @Column(name = "cancellation_reason", columnDefinition = "text")
  public String cancellationReason;

  @Version
  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  public boolean youthLecture() {
    return "youth-lecture".equals(kind);
  }

  /** Whether anyone attends in person (in-person or both). */
  public boolean inPerson() {
    return !"online".equals(format);
  }

  public ZoneOffset offset() {
    return ZoneOffset.ofTotalSeconds(utcOffsetSeconds);
  }
}
