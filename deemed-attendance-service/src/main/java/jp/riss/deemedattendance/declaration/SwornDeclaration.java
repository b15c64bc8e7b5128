package jp.riss.deemedattendance.declaration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A version of the sworn declaration (宣誓) text. Rows are added by migrations, never changed. */
@Entity
@Table(name = "sworn_declaration")
public class SwornDeclaration {

  /** The longest version name (the table's CHECK: 1 to 40 of [0-9A-Za-z.-]). */
  public static final int MAX_VERSION = 40;

  @Id
  @Column(columnDefinition = "text")
  public String version;

  @Column(nullable = false, columnDefinition = "text")
  public String text;

  @Column(name = "published_at", nullable = false)
  public OffsetDateTime publishedAt;

  /** This service's sample wording, pending IPA's official text. */
  @Column(nullable = false)
  public boolean sample;
}
