-- When a listing's inquiry load last changed. Kept apart from updated_at, which readers see as
-- "last edited" and which must not reveal that someone sent an inquiry; the search index of
-- every replica catches up on both.
ALTER TABLE listing ADD COLUMN load_changed_at TIMESTAMPTZ;
CREATE INDEX listing_load_changed_at ON listing (load_changed_at) WHERE load_changed_at IS NOT NULL;
