package jp.riss.activelist.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When unreconfirmed listings are reminded and when they go stale (seed lines 555, 950–958). */
@ConfigMapping(prefix = "riss.active-list.staleness")
public interface StalenessConfig {

  /** Days after the last reconfirmation when the owner is reminded, once. */
  @WithDefault("150")
  int remindAfterDays();

  /** Days after the last reconfirmation when the listing leaves the public list as STALE. */
  @WithDefault("180")
  int staleAfterDays();

  /** How often the scheduled run happens; "off" disables it (tests call the endpoint). */
  @WithDefault("1h")
  String every();

  /** Delay of the first scheduled run after start. */
  @WithDefault("1m")
  String firstRunAfter();
}
