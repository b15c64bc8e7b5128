-- Instrument versions drafted and published by IPA's editors through the API (issue 14 §1).
-- Shipped versions are published on import. A published version (and the placement rule it
-- carries) never changes and is never removed: diagnoses refer to it.
ALTER TABLE diagnosis_instrument ADD COLUMN state TEXT NOT NULL DEFAULT 'published'
    CHECK (state IN ('draft', 'published'));
ALTER TABLE diagnosis_instrument ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
ALTER TABLE diagnosis_instrument ADD COLUMN published_at TIMESTAMPTZ;
ALTER TABLE diagnosis_instrument ADD COLUMN edited_by TEXT;
UPDATE diagnosis_instrument SET published_at = imported_at;
ALTER TABLE diagnosis_instrument ALTER COLUMN state DROP DEFAULT;

CREATE FUNCTION diagnosis_instrument_published_is_immutable() RETURNS trigger AS $$
BEGIN
    IF OLD.state = 'published' THEN
        RAISE EXCEPTION 'a published instrument version is never changed';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER diagnosis_instrument_immutable BEFORE UPDATE OR DELETE ON diagnosis_instrument
    FOR EACH ROW EXECUTE FUNCTION diagnosis_instrument_published_is_immutable();
