package jp.riss.activelist.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "riss.search")
public interface SearchConfig {

  @WithDefault("20")
  int defaultLimit();

  @WithDefault("100")
  int maxLimit();

  /** How often the index reads listings other replicas changed (by updated_at). */
  @WithDefault("5s")
  Duration catchUpInterval();

  /** How far back each catch-up looks again, for transactions that committed out of order. */
  @WithDefault("30s")
  Duration catchUpOverlap();

  /** How often the whole index is rebuilt (registry years, anything a catch-up cannot see). */
  @WithDefault("30m")
  Duration rebuildInterval();

  Exposure exposure();

  Ranking ranking();

  interface Exposure {
    /** Impressions this recent damp a listing's weight. */
    @WithDefault("24h")
    Duration window();

    /** Damping factors are recomputed at each epoch; a cursor stays in its first page's epoch. */
    @WithDefault("5m")
    Duration epoch();

    /**
     * How often counted impressions are written (in one batch, off the request path). Longer folds
     * more impressions of a listing into one row update; the exposure damping reads hours.
     */
    @WithDefault("30s")
    Duration flushInterval();
  }

  interface Ranking {
    /** The weight left to a listing whose open inquiries fill its capacity. */
    @WithDefault("0.05")
    double minLoadFactor();

    /** Weight multiplier for a specialist who declared limited availability. */
    @WithDefault("0.5")
    double limitedFactor();

    /** The most a rarely shown listing's weight is raised. */
    @WithDefault("2.0")
    double maxExposureBoost();

    /** The least a much-shown listing's weight is lowered to. */
    @WithDefault("0.25")
    double minExposureFactor();
  }
}
