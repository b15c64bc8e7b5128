package jp.riss.deemedattendance.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** IPA's review settings. */
@ConfigMapping(prefix = "riss.deemed-attendance.review")
public interface ReviewConfig {

  /**
   * An undecided application is at risk when its renewal due date is this many days away or fewer:
   * a decision after the due date is refused, so these go first.
   */
  @WithDefault("14")
  int atRiskDays();
}
