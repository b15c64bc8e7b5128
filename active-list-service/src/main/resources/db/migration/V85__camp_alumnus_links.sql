-- Security Camp alumnus links (community.alumnus-link.v1): the community says an adult alumnus
-- asked that the listing of a registration number show their verified completion. Nothing shows
-- until the specialist owning that listing confirms it with their own token; either side withdraws.
CREATE TABLE camp_alumnus_link (
    link_id              UUID        PRIMARY KEY,
    registration_number  TEXT        NOT NULL,
    programme            TEXT        NOT NULL,
    programme_name_ja    TEXT        NOT NULL,
    fiscal_year          INTEGER     NOT NULL,
    state                TEXT        NOT NULL CHECK (state IN ('pending', 'confirmed', 'withdrawn')),
    requested_at         TIMESTAMPTZ NOT NULL,
    confirmed_at         TIMESTAMPTZ,
    withdrawn_at         TIMESTAMPTZ,
    withdrawn_by         TEXT        CHECK (withdrawn_by IN ('alumnus', 'specialist'))
);
CREATE INDEX camp_alumnus_link_by_registration ON camp_alumnus_link (registration_number, state);
