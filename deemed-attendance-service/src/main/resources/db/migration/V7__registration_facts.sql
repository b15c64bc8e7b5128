-- This service is the one intake of IPA's registry: besides the number ↔ account binding and the
-- cycles it now keeps the registration's own facts, and publishes them (with what each requirement
-- of the current cycle stands at) as deemedattendance.registration.v1 through the outbox.
--   registered_on: the first registration date (years registered are counted from it);
--   status: what IPA's registry says of the registration itself. EXPIRED is not stored: it follows
--           from the current cycle's expiry and today, so it can never be stale;
--   version: raised with every published state, so consumers keep the newest.
ALTER TABLE registration ADD COLUMN registered_on DATE;
ALTER TABLE registration ADD COLUMN status TEXT NOT NULL DEFAULT 'VALID'
    CHECK (status IN ('VALID', 'SUSPENDED', 'REVOKED'));
ALTER TABLE registration ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE registration ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE registration r
   SET registered_on = coalesce((SELECT min(c.starts_on) FROM cycle c
                                  WHERE c.registration_number = r.registration_number),
                                (r.created_at AT TIME ZONE 'Asia/Tokyo')::date),
       updated_at = r.created_at;
ALTER TABLE registration ALTER COLUMN registered_on SET NOT NULL;
ALTER TABLE registration ALTER COLUMN updated_at SET NOT NULL;
CREATE INDEX application_cycle_approved ON application (cycle_id) WHERE status = 'APPROVED';
