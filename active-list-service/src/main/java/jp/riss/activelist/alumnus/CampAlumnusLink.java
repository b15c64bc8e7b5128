package jp.riss.activelist.alumnus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A Security Camp alumnus link as the community announced it: pending until the specialist owning
 * the listing of that registration number confirms it, then shown on the listing as verified.
 */
@Entity
@Table(name = "camp_alumnus_link")
public class CampAlumnusLink extends PanacheEntityBase {

  public static final String PENDING = "pending";
  public static final String CONFIRMED = "confirmed";
  public static final String WITHDRAWN = "withdrawn";

  @Id
  @Column(name = "link_id")
  public UUID linkId;

  @Column(name = "registration_number", nullable = false)
  public String registrationNumber;

  @Column(nullable = false)
  public String programme;

  @Column(name = "programme_name_ja", nullable = false)
  public String programmeNameJa;

  @Column(name = "fiscal_year", nullable = false)
  public int fiscalYear;

  @Column(nullable = false)
  public String state;

  @Column(name = "requested_at", nullable = false)
  public OffsetDateTime requestedAt;

  @Column(name = "confirmed_at")
  public OffsetDateTime confirmedAt;

  @Column(name = "withdrawn_at")
  public OffsetDateTime withdrawnAt;

  @Column(name = "withdrawn_by")
  public String withdrawnBy;

  /** The confirmed links of a registration number, oldest completion first. */
  public static List<CampAlumnusLink> confirmed(String registrationNumber) {
    return list(
        "registrationNumber = ?1 and state = ?2 order by fiscalYear, programme, linkId",
        registrationNumber,
        CONFIRMED);
  }

  /** The links of a registration number that are not withdrawn, newest first. */
  public static List<CampAlumnusLink> live(String registrationNumber) {
    return list(
        "registrationNumber = ?1 and state <> ?2 order by requestedAt desc, linkId",
        registrationNumber,
        WITHDRAWN);
  }
}
