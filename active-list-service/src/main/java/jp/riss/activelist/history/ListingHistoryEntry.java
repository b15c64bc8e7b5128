package jp.riss.activelist.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One change to a listing: who, in which role, what, when, and why where a reason applies. */
@Entity
@Table(name = "listing_history")
public class ListingHistoryEntry extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "listing_id", nullable = false)
  public UUID listingId;

  @Column(nullable = false)
  public OffsetDateTime at;

  @Column(nullable = false, columnDefinition = "text")
  public String actor;

  @Column(name = "actor_role", nullable = false, columnDefinition = "text")
  public String actorRole;

  @Column(nullable = false, columnDefinition = "text")
  public String action;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public Map<String, FieldChange> changes;

  @Column(columnDefinition = "text")
  public String reason;

  /** A field's value before and after. */
  public record FieldChange(Object from, Object to) {}
}
