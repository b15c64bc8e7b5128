package jp.riss.community.edition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;

/** One edition (開催回) of a programme: everything about it is data, nothing a constant. */
@Entity
@Table(name = "edition")
public class Edition {

  @Id public UUID id;

  @Column(name = "programme_code", nullable = false, columnDefinition = "text")
  public String programmeCode;

  @Column(name = "fiscal_year", nullable = false)
  public int fiscalYear;

  @Column(nullable = false, columnDefinition = "text")
  public String stage;

  @Column(name = "starts_on", nullable = false)
  public LocalDate startsOn;

  @Column(name = "ends_on", nullable = false)
  public LocalDate endsOn;

  @Column(nullable = false, columnDefinition = "text")
  public String format;

  @Column(nullable = false)
  public int capacity;

  @Column(name = "eligibility_reference_date", nullable = false)
  public LocalDate eligibilityReferenceDate;

  @Version
  @Column(nullable = false)
  public long version;
}
