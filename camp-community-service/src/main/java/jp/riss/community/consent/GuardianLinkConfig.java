package jp.riss.community.consent;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Guardian links: the signing key (base64, at least 32 bytes), how long a link lives, its page. */
@ConfigMapping(prefix = "riss.community.guardian-link")
public interface GuardianLinkConfig {
  String key();

  Duration validity();

  String linkBase();
}
