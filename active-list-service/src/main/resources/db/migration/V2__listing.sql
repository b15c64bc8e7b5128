CREATE TABLE listing (
    id                   UUID PRIMARY KEY,
    owner_subject        TEXT        NOT NULL,
    registration_number  TEXT        NOT NULL UNIQUE CHECK (registration_number ~ '^[0-9]{6}$'),
    display_name         TEXT        NOT NULL,
    prefectures          TEXT[]      NOT NULL,
    themes               INTEGER[]   NOT NULL,
    status               TEXT        NOT NULL,
    version              BIGINT      NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    published_at         TIMESTAMPTZ,
    CONSTRAINT listing_status_known CHECK (status IN
        ('DRAFT','PENDING_REVIEW','PUBLISHED','REJECTED','SUSPENDED','WITHDRAWN','STALE'))
);
CREATE INDEX listing_owner ON listing (owner_subject);
CREATE INDEX listing_status ON listing (status);
