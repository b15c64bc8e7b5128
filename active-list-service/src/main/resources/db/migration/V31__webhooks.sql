-- Webhook subscriptions of support bodies' CRM systems: each gets the change feed pushed to an
-- HTTPS endpoint, signed with its own secret, from its own position in the feed.
CREATE TABLE webhook_subscription (
    id                 UUID        PRIMARY KEY,
    owner_subject      TEXT        NOT NULL,
    url                TEXT        NOT NULL,
    description        TEXT,
    -- Needed in clear to sign deliveries (HMAC); returned once, at creation or rotation.
    secret             TEXT        NOT NULL,
    -- The last listing_change.seq already put into a delivery.
    position           BIGINT      NOT NULL CHECK (position >= 0),
    created_at         TIMESTAMPTZ NOT NULL,
    secret_rotated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_subscription_owner ON webhook_subscription (owner_subject, created_at, id);

-- One batch of feed entries for one subscription, retried until it succeeds or its retry window
-- ends. The body is kept so every attempt (and a redelivery) sends the same bytes.
CREATE TABLE webhook_delivery (
    id               UUID        PRIMARY KEY,
    subscription_id  UUID        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    from_seq         BIGINT      NOT NULL,
    to_seq           BIGINT      NOT NULL,
    entry_count      INTEGER     NOT NULL,
    body             TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    attempts         INTEGER     NOT NULL DEFAULT 0,
    -- When the dispatcher may (re)try it; also a lease while an attempt is in flight, so a crash
    -- mid-attempt only delays the delivery.
    next_attempt_at  TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    give_up_at       TIMESTAMPTZ NOT NULL,
    completed_at     TIMESTAMPTZ
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id, created_at, id);

CREATE TABLE webhook_attempt (
    id            BIGSERIAL   PRIMARY KEY,
    delivery_id   UUID        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at  TIMESTAMPTZ NOT NULL,
    status_code   INTEGER,
    duration_ms   INTEGER     NOT NULL,
    error         TEXT
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, id);
