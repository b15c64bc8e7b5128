-- The CRM change feed (issue 3 §5): what support bodies' systems sync from. One row per public
-- change of a listing, written in the same transaction as the change: an UPSERT with the
-- listing's public representation, or a TOMBSTONE when it left the public list.
--
-- seq is not a sequence: a bigserial is drawn when a row is inserted but becomes visible when its
-- transaction commits, so a reader could see 8 before 7 commits and skip 7 for ever. Writers take
-- the next numbers from the single-row counter below, under its row lock, at the very end of their
-- transaction; the next writer waits for the lock until the previous one committed. seq is
-- therefore dense and in commit order: whoever can see seq n can see every seq below it.
CREATE TABLE listing_change (
    seq           BIGINT      PRIMARY KEY,
    listing_id    UUID        NOT NULL,
    kind          TEXT        NOT NULL CHECK (kind IN ('UPSERT', 'TOMBSTONE')),
    payload       JSONB,
    committed_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT listing_change_payload CHECK ((kind = 'UPSERT') = (payload IS NOT NULL))
);
-- The snapshot asks "is there a later row for this listing?"; tombstones ask "what was the last?".
CREATE INDEX listing_change_listing ON listing_change (listing_id, seq);

CREATE TABLE listing_change_counter (
    singleton  BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    last_seq   BIGINT  NOT NULL
);
INSERT INTO listing_change_counter (singleton, last_seq) VALUES (TRUE, 0);
