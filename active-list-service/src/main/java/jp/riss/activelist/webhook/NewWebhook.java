package jp.riss.activelist.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A support body's registration of an endpoint. {@code cursor}: a change-feed cursor past the
 * snapshot, to continue from where a sync by {@code GET /changes} stopped; without it deliveries
 * start with the changes committed from now on.
 */
public record NewWebhook(
    @NotBlank @Size(max = 2048) String url,
    @Size(max = 200) String description,
    @Size(max = 500) String cursor) {}
