package jp.riss.activelist.listing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A specialist's entry in the Active List. */
@Entity
@Table(name = "listing")
public class Listing extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "owner_subject", nullable = false)
  public String ownerSubject;

  @Column(name = "registration_number", nullable = false, columnDefinition = "text")
  public String registrationNumber;

  @Column(name = "display_name", nullable = false, columnDefinition = "text")
  public String displayName;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  public String[] prefectures;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "integer[]")
  public Integer[] themes;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, columnDefinition = "text")
  public ListingStatus status;

  @Version
  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  @Column(name = "published_at")
  public OffsetDateTime publishedAt;

  public static Optional<Listing> byRegistrationNumber(String registrationNumber) {
    return find("registrationNumber", registrationNumber).firstResultOptional();
  }

  public boolean isOwnedBy(String subject) {
    return ownerSubject.equals(subject);
  }
}
