package jp.riss.activelist.webhook;

import java.util.List;

/** A page of a subscription's deliveries, newest first. */
public record DeliveryPage(List<DeliveryView> items, String next) {}
