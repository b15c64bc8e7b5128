-- Responses to POSTs that carried an Idempotency-Key, so a client retrying after a timeout gets
-- the first answer instead of creating the thing twice. Written in the same transaction as what
-- the request created: either both are stored or neither.
CREATE TABLE idempotency_key (
    principal        TEXT        NOT NULL,
    key              TEXT        NOT NULL,
    fingerprint      TEXT        NOT NULL,
    status           INTEGER,
    location         TEXT,
    etag             TEXT,
    body             TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
