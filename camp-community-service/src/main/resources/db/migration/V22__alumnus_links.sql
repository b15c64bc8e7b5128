-- Links to the Active List (§6): an adult alumnus names the registration number of their listing
-- as a registered specialist and one of their verified completions. The Active List shows
-- "Security Camp alumnus (programme, year)" only after the specialist who owns that listing
-- confirms it there; either side may withdraw, and the other hears of it by event.
CREATE TABLE alumnus_link (
    id                   UUID        PRIMARY KEY,
    person_id            UUID        NOT NULL REFERENCES person (id),
    completion_id        UUID        NOT NULL REFERENCES completion (id),
    registration_number  TEXT        NOT NULL CHECK (registration_number ~ '^[0-9]{6}$'),
    state                TEXT        NOT NULL CHECK (state IN ('requested', 'confirmed', 'withdrawn')),
    requested_at         TIMESTAMPTZ NOT NULL,
    confirmed_at         TIMESTAMPTZ,
    withdrawn_at         TIMESTAMPTZ,
    -- alumnus, specialist (on the Active List), or community (profile deleted, banned, completion
    -- no longer verified).
    withdrawn_by         TEXT        CHECK (withdrawn_by IN ('alumnus', 'specialist', 'community'))
);
-- One live link per completion and registration number.
CREATE UNIQUE INDEX alumnus_link_live ON alumnus_link (completion_id, registration_number)
    WHERE state <> 'withdrawn';
CREATE INDEX alumnus_link_by_person ON alumnus_link (person_id);
