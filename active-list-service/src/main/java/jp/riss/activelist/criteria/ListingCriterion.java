package jp.riss.activelist.criteria;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One listing criterion as IPA configured it (migration V40): a generic evaluator and its data. */
@Entity
@Table(name = "listing_criterion")
public class ListingCriterion extends PanacheEntityBase {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  @Id
  @Column(columnDefinition = "text")
  public String code;

  @Column(nullable = false)
  public int position;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, columnDefinition = "text")
  public CriterionKind kind;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public Map<String, Object> params;

  @Column(name = "description_ja", nullable = false, columnDefinition = "text")
  public String descriptionJa;

  @Column(name = "description_en", nullable = false, columnDefinition = "text")
  public String descriptionEn;

  @Column(name = "failure_ja", nullable = false, columnDefinition = "text")
  public String failureJa;

  @Column(name = "failure_en", nullable = false, columnDefinition = "text")
  public String failureEn;

  @Column(nullable = false)
  public boolean enabled;

  public static List<ListingCriterion> all() {
    return list("order by position, code");
  }

  public static List<ListingCriterion> enabled() {
    return list("enabled = true order by position, code");
  }

  /** A text of this criterion with its parameters filled in, so "{days}" follows the data. */
  public String fill(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = params.get(m.group(1));
      m.appendReplacement(
          out, Matcher.quoteReplacement(value == null ? m.group() : value.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
