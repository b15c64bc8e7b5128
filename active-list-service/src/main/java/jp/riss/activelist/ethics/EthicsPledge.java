package jp.riss.activelist.ethics;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/** One version of the ethics pledge text (migrations); the latest in effect is current. */
@Entity
@Table(name = "ethics_pledge")
public class EthicsPledge extends PanacheEntityBase {

  @Id
  @Column(columnDefinition = "text")
  public String version;

  @Column(name = "effective_from", nullable = false)
  public OffsetDateTime effectiveFrom;

  @Column(name = "text_ja", nullable = false, columnDefinition = "text")
  public String textJa;

  @Column(name = "text_en", nullable = false, columnDefinition = "text")
  public String textEn;

  static Optional<EthicsPledge> current(OffsetDateTime now) {
    return find("effectiveFrom <= ?1 order by effectiveFrom desc", now).firstResultOptional();
  }
}
