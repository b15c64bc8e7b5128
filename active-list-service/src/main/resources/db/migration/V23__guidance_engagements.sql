-- On-site guidance (訪問指導): one specialist, one SME, one theme, three visits each with a goal
-- (seed lines 515-519). Completion is the verified platform track record of the listing.
CREATE TABLE guidance_engagement (
    id                    UUID PRIMARY KEY,
    listing_id            UUID        NOT NULL REFERENCES listing (id),
    -- The support body that arranged it (its creator, or the sender of the inquiry it came from).
    support_body_subject  TEXT,
    inquiry_id            UUID        UNIQUE REFERENCES inquiry (id),
    created_by            TEXT        NOT NULL,
    created_by_role       TEXT        NOT NULL,
    organisation_name     TEXT,
    corporate_number      TEXT        CHECK (corporate_number ~ '^[0-9]{13}$'),
    theme_number          INTEGER     NOT NULL REFERENCES guidance_theme (number),
    -- [{"number":1,"goal":"…","visitedOn":"2026-…","outcome":"…"}, …] always three, by number.
    visits                JSONB       NOT NULL,
    status                TEXT        NOT NULL CHECK (status IN ('IN_PROGRESS', 'COMPLETED')),
    started_on            DATE        NOT NULL,
    completed_on          DATE,
    completed_at          TIMESTAMPTZ,
    version               BIGINT      NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX guidance_engagement_by_listing ON guidance_engagement (listing_id, created_at DESC, id DESC);
CREATE INDEX guidance_engagement_by_support_body ON guidance_engagement (support_body_subject, created_at DESC, id DESC);
