package jp.riss.activelist.consultation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A specialist invited to an event, and their answer. */
@Entity
@Table(name = "consultation_invitation")
@IdClass(Invitation.Key.class)
public class Invitation extends PanacheEntityBase {

  public enum Status {
    INVITED,
    CONFIRMED,
    DECLINED
  }

  /** The composite key, as JPA wants it: a class with the id fields' names. */
  public static class Key implements Serializable {
    public UUID eventId;
    public UUID listingId;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && java.util.Objects.equals(eventId, k.eventId)
          && java.util.Objects.equals(listingId, k.listingId);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(eventId, listingId);
    }
  }

  @Id
  @Column(name = "event_id")
  public UUID eventId;

  @Id
  @Column(name = "listing_id")
  public UUID listingId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, columnDefinition = "text")
  public Status status;

  @Column(name = "responded_at")
  public OffsetDateTime respondedAt;
}
