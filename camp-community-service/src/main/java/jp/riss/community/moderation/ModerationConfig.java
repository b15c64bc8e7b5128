package jp.riss.community.moderation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many distinct members' reports suspend an author's posting until a moderator decides. */
@ConfigMapping(prefix = "riss.community.moderation")
public interface ModerationConfig {
  @WithDefault("3")
  int reportThreshold();
}
