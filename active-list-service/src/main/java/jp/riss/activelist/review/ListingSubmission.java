package jp.riss.activelist.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** When a listing was last submitted for review, and by whom: the review queue's order. */
@Entity
@Table(name = "listing_submission")
public class ListingSubmission extends PanacheEntityBase {

  @Id
  @Column(name = "listing_id")
  public UUID listingId;

  @Column(name = "submitted_at", nullable = false)
  public OffsetDateTime submittedAt;

  @Column(name = "submitted_by", nullable = false, columnDefinition = "text")
  public String submittedBy;
}
