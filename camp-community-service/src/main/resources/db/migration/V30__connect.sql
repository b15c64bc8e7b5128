-- Camp Connect (セキュリティ・キャンプ コネクト): a call per Connect edition (pre-event or main
-- event), its themes each on one axis with its own capacity, applications for exactly one theme,
-- review by at least two assigned reviewers on a versioned rubric, decisions in rank order and
-- places passed on to the reserve list. Sizes (about 15 / about 50 in FY2025) are data of the
-- edition and the themes, never constants. docs/community.md explains the rules.

-- The rubric reviewers score on: rows, versioned, so criteria change by migration and a call keeps
-- the version it was opened with.
CREATE TABLE connect_rubric_criterion (
    rubric_version  TEXT    NOT NULL CHECK (rubric_version ~ '^[0-9]{4}-[0-9]{1,3}$'),
    code            TEXT    NOT NULL CHECK (code ~ '^[a-z][a-z0-9-]{0,39}$'),
    display_order   INTEGER NOT NULL,
    name_ja         TEXT    NOT NULL CHECK (length(name_ja) > 0),
    name_en         TEXT    NOT NULL CHECK (length(name_en) > 0),
    max_score       INTEGER NOT NULL CHECK (max_score BETWEEN 1 AND 100),
    PRIMARY KEY (rubric_version, code),
    UNIQUE (rubric_version, display_order)
);
-- FY2025's criteria follow what Connect looks for: some security knowledge, advanced knowledge of
-- another field, how the two meet, and working with others (seminar style, group work).
INSERT INTO connect_rubric_criterion (rubric_version, code, display_order, name_ja, name_en, max_score) VALUES
('2025-1', 'security-knowledge', 1, 'サイバーセキュリティの知見・技能', 'Security knowledge and skill', 5),
('2025-1', 'field-expertise',    2, '専門領域の高度な知見・技能',       'Advanced expertise in the field', 5),
('2025-1', 'bridging',           3, 'セキュリティと専門領域の結び付け', 'Bringing security and the field together', 5),
('2025-1', 'collaboration',      4, 'グループワークへの姿勢',           'Working with others', 5);

-- Where applicants study: the seed centres on 高専, university specialist courses and graduate
-- schools, without excluding others.
CREATE TABLE connect_school_kind (
    code           TEXT    PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{0,39}$'),
    display_order  INTEGER NOT NULL UNIQUE,
    name_ja        TEXT    NOT NULL,
    name_en        TEXT    NOT NULL
);
INSERT INTO connect_school_kind (code, display_order, name_ja, name_en) VALUES
('kosen',            1, '高等専門学校',     'College of technology (kosen)'),
('university',       2, '大学（専門課程）', 'University (specialist course)'),
('graduate-school',  3, '大学院',           'Graduate school'),
('other',            4, 'その他',           'Other');

-- One call per Connect edition; the edition's capacity caps the whole call.
CREATE TABLE connect_call (
    id                 UUID        PRIMARY KEY,
    edition_id         UUID        NOT NULL UNIQUE REFERENCES edition (id),
    title              TEXT        NOT NULL,
    eligibility        TEXT        NOT NULL,
    opens_at           TIMESTAMPTZ NOT NULL,
    closes_at          TIMESTAMPTZ NOT NULL CHECK (closes_at > opens_at),
    utc_offset_seconds INTEGER     NOT NULL,
    rubric_version     TEXT        NOT NULL,
    min_reviews        INTEGER     NOT NULL CHECK (min_reviews BETWEEN 2 AND 10),
    -- What the camp office publishes after the event; the main event's call shows the pre-event's.
    results_summary    TEXT,
    results_published_at TIMESTAMPTZ,
    version            BIGINT      NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX connect_call_order ON connect_call (created_at, id);

CREATE TABLE connect_theme (
    id             UUID    PRIMARY KEY,
    call_id        UUID    NOT NULL REFERENCES connect_call (id),
    code           TEXT    NOT NULL CHECK (code ~ '^[a-z][a-z0-9-]{0,39}$'),
    display_order  INTEGER NOT NULL,
    axis           TEXT    NOT NULL CHECK (axis IN ('industry', 'technology', 'social-science')),
    title          TEXT    NOT NULL,
    capacity       INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
    UNIQUE (call_id, code)
);

-- Reviewers (token role connect-reviewer) assigned to a call by the camp office, and sponsors
-- (token role sponsor) who see the call's aggregates.
CREATE TABLE connect_reviewer (
    call_id       UUID        NOT NULL REFERENCES connect_call (id),
    subject       TEXT        NOT NULL,
    display_name  TEXT        NOT NULL,
    assigned_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (call_id, subject)
);
CREATE TABLE connect_sponsor (
    call_id       UUID        NOT NULL REFERENCES connect_call (id),
    subject       TEXT        NOT NULL,
    organisation  TEXT        NOT NULL,
    assigned_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (call_id, subject)
);

-- States: submitted → under-review (first score) → accepted / rejected / reserve; reserve →
-- offered (a declined place passed on) → accepted; accepted or offered → declined; submitted or
-- under-review → withdrawn. Places taken = accepted + offered.
CREATE TABLE connect_application (
    id              UUID        PRIMARY KEY,
    call_id         UUID        NOT NULL REFERENCES connect_call (id),
    theme_id        UUID        NOT NULL REFERENCES connect_theme (id),
    person_id       UUID        NOT NULL REFERENCES person (id),
    school_kind     TEXT        NOT NULL REFERENCES connect_school_kind (code),
    motivation      TEXT        NOT NULL,
    expertise       TEXT        NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('submitted', 'under-review', 'accepted',
                        'rejected', 'reserve', 'offered', 'declined', 'withdrawn')),
    rank            INTEGER     CHECK (rank BETWEEN 1 AND 10000),
    submitted_at    TIMESTAMPTZ NOT NULL,
    decided_at      TIMESTAMPTZ,
    changed_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0
);
-- One live application per person per call (and so per edition): switching theme means
-- withdrawing first.
CREATE UNIQUE INDEX connect_application_one_live ON connect_application (call_id, person_id)
    WHERE state <> 'withdrawn';
-- A rank names one place in a theme's order.
CREATE UNIQUE INDEX connect_application_rank ON connect_application (theme_id, rank)
    WHERE rank IS NOT NULL;
CREATE INDEX connect_application_by_call ON connect_application (call_id, submitted_at, id);
CREATE INDEX connect_application_by_person ON connect_application (person_id, submitted_at, id);

CREATE TABLE connect_conflict (
    application_id    UUID        NOT NULL REFERENCES connect_application (id),
    reviewer_subject  TEXT        NOT NULL,
    reason            TEXT        NOT NULL,
    declared_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (application_id, reviewer_subject)
);

CREATE TABLE connect_score (
    application_id    UUID        NOT NULL REFERENCES connect_application (id),
    reviewer_subject  TEXT        NOT NULL,
    criterion         TEXT        NOT NULL,
    score             INTEGER     NOT NULL CHECK (score >= 0),
    PRIMARY KEY (application_id, reviewer_subject, criterion)
);
CREATE TABLE connect_review (
    application_id    UUID        NOT NULL REFERENCES connect_application (id),
    reviewer_subject  TEXT        NOT NULL,
    total             INTEGER     NOT NULL,
    comment           TEXT,
    scored_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (application_id, reviewer_subject)
);
