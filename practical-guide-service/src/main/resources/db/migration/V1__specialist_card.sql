-- The guide's own read model of published Active List listings, kept from
-- activelist.listing.v1 events (never read from the Active List's database). A withdrawn or
-- suspended listing stays as a row with listed = false so that a late, older event cannot
-- bring it back: source_version only moves forward.
CREATE TABLE specialist_card (
    listing_id           UUID        PRIMARY KEY,
    registration_number  TEXT        NOT NULL,
    display_name         TEXT        NOT NULL,
    prefectures          TEXT[]      NOT NULL,
    themes               INTEGER[]   NOT NULL,
    listed               BOOLEAN     NOT NULL,
    source_version       BIGINT      NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX specialist_card_themes ON specialist_card USING GIN (themes) WHERE listed;
CREATE INDEX specialist_card_prefectures ON specialist_card USING GIN (prefectures) WHERE listed;
