package jp.riss.activelist.webhook;

import java.util.List;

/** A page of the caller's subscriptions, oldest first. */
public record WebhookPage(List<WebhookView> items, String next) {}
