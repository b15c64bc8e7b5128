package jp.riss.community.audience;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An {@link Audience} as the {@code audience_*} columns of an event or a survey hold it. */
@Embeddable
public class AudienceColumns {

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "audience_programmes", nullable = false, columnDefinition = "text[]")
  public String[] programmes = new String[0];

  @Column(name = "audience_year_from")
  public Integer yearFrom;

  @Column(name = "audience_year_to")
  public Integer yearTo;

  @Column(name = "audience_min_age_band", nullable = false, columnDefinition = "text")
  public String minAgeBand;

  public static AudienceColumns of(Audience audience) {
    AudienceColumns c = new AudienceColumns();
    c.programmes = audience.programmes().toArray(String[]::new);
    c.yearFrom = audience.completionYearFrom();
    c.yearTo = audience.completionYearTo();
    c.minAgeBand = audience.minAgeBand();
    return c;
  }

  public Audience value() {
    return new Audience(List.of(programmes), yearFrom, yearTo, minAgeBand);
  }
}
