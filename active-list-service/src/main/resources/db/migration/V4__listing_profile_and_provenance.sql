-- The whole list design of the seed report (lines 960-975): every self-declared field a
-- specialist keeps, the verified facts that come from IPA's registry and from other services,
-- and the per-field provenance and history the report asks for (lines 621, 1023, 1051).

ALTER TABLE listing
    ADD COLUMN display_name_kana        TEXT,
    ADD COLUMN affiliation              TEXT    NOT NULL DEFAULT 'INDEPENDENT'
        CHECK (affiliation IN ('INDEPENDENT', 'COMPANY')),
    ADD COLUMN company_name             TEXT,
    -- Company-affiliated specialists are listed only when side work is permitted or their
    -- company itself consults for SMEs (seed line ~1000).
    ADD COLUMN side_work_basis          TEXT
        CHECK (side_work_basis IN ('SIDE_WORK_PERMITTED', 'COMPANY_CONSULTS_SMES')),
    ADD COLUMN online_nationwide        BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN engagement_lengths       TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN first_consultation_free  BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN formats                  JSONB   NOT NULL DEFAULT '[]',
    ADD COLUMN syllabus_items           TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN industries               TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN qualifications           TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN other_qualifications     TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN self_introduction        TEXT,
    ADD COLUMN track_records            JSONB   NOT NULL DEFAULT '[]',
    ADD COLUMN contact                  JSONB,
    ADD COLUMN contact_public           BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN availability             TEXT    NOT NULL DEFAULT 'ACCEPTING'
        CHECK (availability IN ('ACCEPTING', 'LIMITED', 'NOT_ACCEPTING')),
    ADD COLUMN unavailable_until        DATE,
    ADD COLUMN capacity                 INTEGER NOT NULL DEFAULT 3 CHECK (capacity BETWEEN 1 AND 100),
    -- When each self-declared field was last set by its owner: {"displayName": "2026-…", …}.
    ADD COLUMN declared_at              JSONB   NOT NULL DEFAULT '{}',
    ADD COLUMN ethics_pledge_version    TEXT,
    ADD COLUMN ethics_pledge_accepted_at TIMESTAMPTZ,
    ADD COLUMN reconfirmed_at           TIMESTAMPTZ,
    ADD COLUMN status_reason            TEXT,
    -- Guidance engagements completed through this platform (a verified fact the service
    -- itself knows) and when that count last changed.
    ADD COLUMN engagements_completed    INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN engagements_verified_at  TIMESTAMPTZ;

UPDATE listing SET reconfirmed_at = updated_at WHERE reconfirmed_at IS NULL;
ALTER TABLE listing ALTER COLUMN reconfirmed_at SET NOT NULL;

-- What IPA's registry says about a registration number. It may arrive before the specialist
-- creates a listing, so it is keyed by the number, not by the listing.
CREATE TABLE registry_entry (
    registration_number         TEXT PRIMARY KEY CHECK (registration_number ~ '^[0-9]{6}$'),
    registered_on               DATE        NOT NULL,
    cycle_start                 DATE        NOT NULL,
    expires_on                  DATE        NOT NULL,
    registration_status         TEXT        NOT NULL
        CHECK (registration_status IN ('VALID', 'EXPIRED', 'REVOKED', 'SUSPENDED')),
    online_course_status        TEXT        NOT NULL
        CHECK (online_course_status IN ('COMPLETED', 'DUE', 'OVERDUE')),
    online_course_completed_on  DATE,
    practical_course_status     TEXT        NOT NULL
        CHECK (practical_course_status IN ('COMPLETED', 'DUE', 'OVERDUE')),
    practical_course_completed_on DATE,
    import_id                   UUID        NOT NULL,
    verified_at                 TIMESTAMPTZ NOT NULL
);

-- The deemed-attendance service's latest decision for a specialist (approval or revocation).
CREATE TABLE deemed_attendance_status (
    registration_number TEXT PRIMARY KEY CHECK (registration_number ~ '^[0-9]{6}$'),
    application_id      UUID        NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('APPROVED', 'REVOKED')),
    cycle_start         DATE        NOT NULL,
    cycle_expiry        DATE        NOT NULL,
    decided_at          TIMESTAMPTZ NOT NULL,
    received_at         TIMESTAMPTZ NOT NULL
);

-- Who changed what and when, per listing (owner and IPA read it).
CREATE TABLE listing_history (
    id          BIGSERIAL PRIMARY KEY,
    listing_id  UUID        NOT NULL REFERENCES listing (id),
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    actor_role  TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    changes     JSONB       NOT NULL DEFAULT '{}',
    reason      TEXT
);
CREATE INDEX listing_history_by_listing ON listing_history (listing_id, id);
