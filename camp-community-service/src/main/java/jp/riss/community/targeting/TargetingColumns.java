package jp.riss.community.targeting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import java.util.List;
import jp.riss.community.audience.AudienceColumns;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A {@link Targeting} as the {@code audience_*} and {@code prefectures} columns hold it. */
@Embeddable
public class TargetingColumns {

  @Embedded public AudienceColumns audience = new AudienceColumns();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "prefectures", nullable = false, columnDefinition = "text[]")
  public String[] prefectures = new String[0];

  public static TargetingColumns of(Targeting targeting) {
    TargetingColumns c = new TargetingColumns();
    c.audience = AudienceColumns.of(targeting.audience());
    c.prefectures = targeting.prefectures().toArray(String[]::new);
    return c;
  }

  public Targeting value() {
    return Targeting.of(audience.value(), List.of(prefectures));
  }
}
