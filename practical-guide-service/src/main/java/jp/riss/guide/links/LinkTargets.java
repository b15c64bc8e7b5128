package jp.riss.guide.links;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jp.riss.platform.net.OutboundTargets;

/** The platform's SSRF guard as the link checker configures it (loopback only in tests and dev). */
@Singleton
public class LinkTargets extends OutboundTargets {

  @Inject
  public LinkTargets(LinkCheckConfig config) {
    super(config.allowLoopback());
  }
}
