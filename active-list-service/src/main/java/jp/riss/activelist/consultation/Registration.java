package jp.riss.activelist.consultation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An SME registered for an event, with the themes it is interested in. */
@Entity
@Table(name = "consultation_registration")
public class Registration extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "event_id", nullable = false)
  public UUID eventId;

  @Column(name = "company_name", nullable = false, columnDefinition = "text")
  public String companyName;

  @Column(nullable = false, columnDefinition = "text")
  public String industry;

  @Column(nullable = false, columnDefinition = "text")
  public String prefecture;

  @Column(name = "size_band", nullable = false, columnDefinition = "text")
  public String sizeBand;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "integer[]")
  public Integer[] themes;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;
}
