-- Technical tables every service shares (from platform-core). Domain migrations live in
-- each service's db/migration and start at V1.

-- Events written in the same transaction as the state change they describe; the relay
-- publishes them in id order (so per aggregate order holds) and stamps sent_at.
CREATE TABLE outbox (
    id            BIGSERIAL PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,
    topic         TEXT        NOT NULL,
    aggregate_id  TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    envelope      TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at       TIMESTAMPTZ,
    attempts      INTEGER     NOT NULL DEFAULT 0,
    last_error    TEXT
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- Ids of events a consumer has handled, recorded in the same transaction as the effect,
-- so a redelivered event is a no-op.
CREATE TABLE inbox (
    event_id     UUID        NOT NULL,
    consumer     TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    handled_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer)
);
