package jp.riss.community.targeting;

import java.util.List;
import jp.riss.community.audience.Audience;

/**
 * Whom an opportunity or a government call is for: an {@link Audience} (programmes, completion
 * years, youngest age band) and, because alumni work is centred on where they live, residence
 * prefectures (JIS X 0401; empty: anywhere).
 */
public record Targeting(
    List<String> programmes,
    Integer completionYearFrom,
    Integer completionYearTo,
    List<String> prefectures,
    String minAgeBand) {

  public Audience audience() {
    return new Audience(programmes, completionYearFrom, completionYearTo, minAgeBand);
  }

  public static Targeting of(Audience audience, List<String> prefectures) {
    return new Targeting(
        audience.programmes(),
        audience.completionYearFrom(),
        audience.completionYearTo(),
        prefectures,
        audience.minAgeBand());
  }
}
