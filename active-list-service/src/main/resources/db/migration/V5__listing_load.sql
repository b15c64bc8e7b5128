-- Inquiries a specialist has open (sent or accepted, not yet closed), kept on the listing in
-- the same transaction as each inquiry change, so search can damp busy specialists without a
-- join (seed lines 626, 1062: inquiries must not pile up on the top results).
ALTER TABLE listing ADD COLUMN open_inquiries INTEGER NOT NULL DEFAULT 0 CHECK (open_inquiries >= 0);
