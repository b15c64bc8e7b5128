package jp.riss.activelist.inquiry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How inquiries are answered and expired. */
@ConfigMapping(prefix = "riss.inquiries")
public interface InquiryConfig {

  /** How long a specialist has to accept or decline before the inquiry expires. */
  @WithDefault("P7D")
  Duration respondWithin();

  /** How many alternative specialists a declined or expired inquiry offers its sender. */
  @WithDefault("5")
  int alternatives();
}
