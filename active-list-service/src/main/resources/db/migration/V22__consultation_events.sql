-- Consultation events (相談会) a support body runs with invited specialists, registered SMEs and
-- individual consultation slots (seed lines 500-519).
CREATE TABLE consultation_event (
    id             UUID PRIMARY KEY,
    owner_subject  TEXT        NOT NULL,
    title          TEXT        NOT NULL,
    starts_at      TIMESTAMPTZ NOT NULL,
    ends_at        TIMESTAMPTZ NOT NULL CHECK (ends_at > starts_at),
    venue          TEXT,
    online         BOOLEAN     NOT NULL,
    version        BIGINT      NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX consultation_event_by_owner ON consultation_event (owner_subject, starts_at, id);

CREATE TABLE consultation_invitation (
    event_id      UUID        NOT NULL REFERENCES consultation_event (id),
    listing_id    UUID        NOT NULL REFERENCES listing (id),
    status        TEXT        NOT NULL CHECK (status IN ('INVITED', 'CONFIRMED', 'DECLINED')),
    responded_at  TIMESTAMPTZ,
    PRIMARY KEY (event_id, listing_id)
);
CREATE INDEX consultation_invitation_by_listing ON consultation_invitation (listing_id);

CREATE TABLE consultation_registration (
    id            UUID PRIMARY KEY,
    event_id      UUID        NOT NULL REFERENCES consultation_event (id),
    company_name  TEXT        NOT NULL,
    industry      TEXT        NOT NULL REFERENCES industry_division (code),
    prefecture    TEXT        NOT NULL CHECK (prefecture ~ '^[0-9]{2}$'),
    size_band     TEXT        NOT NULL REFERENCES company_size_band (code),
    themes        INTEGER[]   NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX consultation_registration_by_event ON consultation_registration (event_id, created_at, id);

CREATE TABLE consultation_slot (
    id               UUID PRIMARY KEY,
    event_id         UUID        NOT NULL REFERENCES consultation_event (id),
    registration_id  UUID        NOT NULL REFERENCES consultation_registration (id),
    listing_id       UUID        NOT NULL REFERENCES listing (id),
    starts_at        TIMESTAMPTZ NOT NULL,
    ends_at          TIMESTAMPTZ NOT NULL CHECK (ends_at > starts_at),
    issues           TEXT[],
    priorities       INTEGER[],
    follow_up        TEXT        REFERENCES consultation_follow_up (code),
    outcome_recorded_at TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL
);
-- Overlaps are refused by the service; these catch two requests racing for the same start.
CREATE UNIQUE INDEX consultation_slot_specialist_start ON consultation_slot (listing_id, starts_at);
CREATE UNIQUE INDEX consultation_slot_sme_start ON consultation_slot (registration_id, starts_at);
CREATE INDEX consultation_slot_by_event ON consultation_slot (event_id, starts_at, id);
