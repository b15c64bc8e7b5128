package jp.riss.activelist.webhook;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jp.riss.platform.net.OutboundTargets;

/**
 * The platform's SSRF guard ({@link OutboundTargets}) as webhooks configure it: checked on
 * registration and again before every attempt, and an attempt connects to exactly the address
 * checked ({@link WebhookSender}).
 */
@Singleton
public class WebhookTargets extends OutboundTargets {

  @Inject
  public WebhookTargets(WebhookConfig config) {
    this(config.allowLoopback());
  }

  public WebhookTargets(boolean allowLoopback) {
    super(allowLoopback);
  }

  public WebhookTargets(boolean allowLoopback, Resolver resolver) {
    super(allowLoopback, resolver);
  }
}
