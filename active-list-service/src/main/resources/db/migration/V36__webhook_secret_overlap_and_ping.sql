-- Secret rotation with an overlap: the replaced secret (sealed like the current one) keeps signing
-- alongside the new one until previous_secret_expires_at, so deliveries a receiver has queued, or
-- that are retried while the receiver switches, still verify. Ending the overlap early clears both.
ALTER TABLE webhook_subscription
    ADD COLUMN previous_secret TEXT,
    ADD COLUMN previous_secret_expires_at TIMESTAMPTZ,
    ADD CONSTRAINT webhook_previous_secret_has_expiry
        CHECK ((previous_secret IS NULL) = (previous_secret_expires_at IS NULL));

-- A ping is a synthetic delivery (no feed entries) an owner asks for to test their endpoint; it goes
-- through the same ledger, signing and retries, and is listed with the others.
ALTER TABLE webhook_delivery
    ADD COLUMN kind TEXT NOT NULL DEFAULT 'CHANGES' CHECK (kind IN ('CHANGES', 'PING'));
