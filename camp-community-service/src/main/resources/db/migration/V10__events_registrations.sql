-- Events of the community (総会, workshops, result presentations, youth lectures, ...), members'
-- registrations with a waitlist, youth lectures' lecturers and pupils' group registrations, the
-- code of conduct lecturers accept, and personal calendar feeds. docs/community.md explains the
-- rules these tables carry.

-- The code of conduct for alumni who teach pupils; the newest version valid today is current.
CREATE TABLE code_of_conduct (
    version     TEXT PRIMARY KEY,
    valid_from  DATE NOT NULL UNIQUE,
    body_ja     TEXT NOT NULL
);
INSERT INTO code_of_conduct (version, valid_from, body_ja) VALUES
('2025-1', DATE '2025-08-01',
 '若年層講座の講師行動規範: 児童・生徒と一対一にならない（常に成人2名以上で実施する）。児童・生徒の連絡先を尋ねない・交換しない。'
 || '講座外のチャットやSNSに誘わない。写真・動画は学校または保護者の同意なく撮影・公開しない。安全管理責任者の指示に従い、気になることは事務局へ報告する。');

CREATE TABLE code_of_conduct_acceptance (
    person_id    UUID        NOT NULL REFERENCES person (id),
    version      TEXT        NOT NULL REFERENCES code_of_conduct (version),
    accepted_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, version)
);

CREATE TABLE community_event (
    id                      UUID        PRIMARY KEY,
    kind                    TEXT        NOT NULL CHECK (kind IN ('general-assembly', 'workshop',
                              'result-presentation', 'youth-lecture', 'camp-forum', 'alumni-event',
                              'exchange', 'connect-presentation')),
    title                   TEXT        NOT NULL,
    description             TEXT,
    format                  TEXT        NOT NULL CHECK (format IN ('in-person', 'online', 'both')),
    prefecture              TEXT        CHECK (prefecture ~ '^(0[1-9]|[1-3][0-9]|4[0-7])$'),
    venue                   TEXT,
    -- The instants, and the UTC offset the organiser stated them in (shown back as given).
    starts_at               TIMESTAMPTZ NOT NULL,
    ends_at                 TIMESTAMPTZ NOT NULL CHECK (ends_at > starts_at),
    utc_offset_seconds      INTEGER     NOT NULL CHECK (utc_offset_seconds BETWEEN -64800 AND 64800),
    capacity                INTEGER     NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    waitlist_length         INTEGER     NOT NULL CHECK (waitlist_length BETWEEN 0 AND 10000),
    registration_opens_at   TIMESTAMPTZ NOT NULL,
    registration_closes_at  TIMESTAMPTZ NOT NULL CHECK (registration_closes_at > registration_opens_at),
    -- Audience: programmes (empty: any community programme), completion years, youngest age band.
    audience_programmes     TEXT[]      NOT NULL DEFAULT '{}',
    audience_year_from      INTEGER     CHECK (audience_year_from BETWEEN 2000 AND 2100),
    audience_year_to        INTEGER     CHECK (audience_year_to BETWEEN 2000 AND 2100),
    audience_min_age_band   TEXT        NOT NULL CHECK (audience_min_age_band IN ('child', 'junior', 'teen', 'adult')),
    safeguarding_lead       TEXT,
    state                   TEXT        NOT NULL CHECK (state IN ('draft', 'open', 'cancelled')),
    opened_at               TIMESTAMPTZ,
    version                 BIGINT      NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX community_event_by_start ON community_event (starts_at, id);

-- One row per registration; arrival is the order in which registrations took the event's row
-- lock, so the waitlist is served in exactly that order.
CREATE TABLE event_registration (
    id                UUID        PRIMARY KEY,
    event_id          UUID        NOT NULL REFERENCES community_event (id),
    person_id         UUID        NOT NULL REFERENCES person (id),
    arrival           BIGSERIAL   NOT NULL UNIQUE,
    attendance        TEXT        NOT NULL CHECK (attendance IN ('in-person', 'online')),
    state             TEXT        NOT NULL CHECK (state IN ('confirmed', 'waitlisted', 'offered',
                                    'cancelled', 'expired')),
    offer_expires_at  TIMESTAMPTZ,
    requested_at      TIMESTAMPTZ NOT NULL,
    changed_at        TIMESTAMPTZ NOT NULL,
    CHECK ((state = 'offered') = (offer_expires_at IS NOT NULL))
);
-- At most one live registration per member and event.
CREATE UNIQUE INDEX event_registration_live ON event_registration (event_id, person_id)
    WHERE state IN ('confirmed', 'waitlisted', 'offered');
CREATE INDEX event_registration_by_event ON event_registration (event_id, state, arrival);
CREATE INDEX event_registration_by_person ON event_registration (person_id);
CREATE INDEX event_registration_offers ON event_registration (offer_expires_at) WHERE state = 'offered';

-- Youth lectures: the adult alumni who teach.
CREATE TABLE event_lecturer (
    event_id   UUID        NOT NULL REFERENCES community_event (id),
    person_id  UUID        NOT NULL REFERENCES person (id),
    added_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, person_id)
);

-- Pupils are not members: a school or a guardian registers a headcount, and only the organiser's
-- contact is kept (the camp office's to read).
CREATE TABLE pupil_registration (
    id               UUID        PRIMARY KEY,
    event_id         UUID        NOT NULL REFERENCES community_event (id),
    organiser_kind   TEXT        NOT NULL CHECK (organiser_kind IN ('school', 'guardian')),
    organiser_name   TEXT        NOT NULL,
    organiser_email  TEXT        NOT NULL,
    organisation     TEXT,
    headcount        INTEGER     NOT NULL CHECK (headcount BETWEEN 1 AND 200),
    registered_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX pupil_registration_by_event ON pupil_registration (event_id);

-- A member's personal calendar feed: only the SHA-256 of the secret token is kept.
CREATE TABLE calendar_feed (
    person_id   UUID        PRIMARY KEY REFERENCES person (id),
    token_hash  TEXT        NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL
);
