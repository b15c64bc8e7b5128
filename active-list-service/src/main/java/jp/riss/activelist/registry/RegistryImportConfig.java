package jp.riss.activelist.registry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of one registry import call. */
@ConfigMapping(prefix = "riss.active-list.registry-import")
public interface RegistryImportConfig {

  /** Records per call: IPA's whole register (about 24,000 today, 50,000 targeted for 2030). */
  @WithDefault("50000")
  int maxRecords();

  /** Row errors listed in a report; the counts always cover them all. */
  @WithDefault("1000")
  int maxReportedErrors();
}
