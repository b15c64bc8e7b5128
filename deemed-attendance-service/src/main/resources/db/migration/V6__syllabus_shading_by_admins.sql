-- IPA administrators set which sub-items are shaded (網掛け) through the API, with optimistic
-- locking and a record of who changed it last.
ALTER TABLE syllabus_item
    ADD COLUMN version    BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN updated_at TIMESTAMPTZ,
    ADD COLUMN updated_by TEXT;
