-- Achievements (活躍状況) and participation reports (参加レポート): written by a member, naming
-- alumni, reviewed by the camp office, published to the showcase. Every named alumnus consents to
-- the item and to the fields shown about them; a minor also needs the guardian's `publication`.

-- The report's achievement categories (reference data; the API lists them).
CREATE TABLE achievement_category (
    code           TEXT    PRIMARY KEY,
    name_ja        TEXT    NOT NULL,
    name_en        TEXT    NOT NULL,
    display_order  INTEGER NOT NULL UNIQUE
);
INSERT INTO achievement_category (code, name_ja, name_en, display_order) VALUES
('leading-security-government', '政府機関におけるセキュリティ対策の先導', 'Leading security work in government', 1),
('leading-security-industry', '産業分野におけるセキュリティ対策の先導', 'Leading security work in an industry', 2),
('new-business', '新規ビジネスの立ち上げ', 'Starting a new business', 3),
('new-technology', '新規技術の開発', 'Developing a new technology', 4);

-- Who an item is published for: alumni only, the public, or education and public bodies.
CREATE TABLE achievement_audience (
    code           TEXT    PRIMARY KEY,
    name_ja        TEXT    NOT NULL,
    name_en        TEXT    NOT NULL,
    public         BOOLEAN NOT NULL,
    display_order  INTEGER NOT NULL UNIQUE
);
INSERT INTO achievement_audience (code, name_ja, name_en, public, display_order) VALUES
('community', '修了生コミュニティ', 'The alumni community', FALSE, 1),
('public', '一般', 'The public', TRUE, 2),
('education-public-bodies', '教育機関・公共機関', 'Education and public bodies', TRUE, 3);

-- The details about a named alumnus a consent can cover. Minors' affiliation (school) and region
-- never appear publicly, so those two are adult-only.
CREATE TABLE publication_field (
    code           TEXT    PRIMARY KEY,
    adults_only    BOOLEAN NOT NULL,
    display_order  INTEGER NOT NULL UNIQUE
);
INSERT INTO publication_field (code, adults_only, display_order) VALUES
('display-name', FALSE, 1),
('programme-year', FALSE, 2),
('prefecture', TRUE, 3),
('affiliation', TRUE, 4);

CREATE TABLE achievement (
    id             UUID        PRIMARY KEY,
    kind           TEXT        NOT NULL CHECK (kind IN ('achievement', 'participation-report')),
    category       TEXT        REFERENCES achievement_category (code),
    audience       TEXT        NOT NULL REFERENCES achievement_audience (code),
    title          TEXT        NOT NULL,
    body           TEXT        NOT NULL,
    author_id      UUID        NOT NULL REFERENCES person (id),
    state          TEXT        NOT NULL CHECK (state IN ('draft', 'submitted', 'reviewed', 'published', 'withdrawn')),
    review_note    TEXT,
    reviewed_by    TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    submitted_at   TIMESTAMPTZ,
    reviewed_at    TIMESTAMPTZ,
    published_at   TIMESTAMPTZ,
    withdrawn_at   TIMESTAMPTZ,
    version        BIGINT      NOT NULL DEFAULT 0,
    CHECK ((kind = 'achievement') = (category IS NOT NULL))
);
CREATE INDEX achievement_by_state ON achievement (state, created_at, id);

-- The alumni an item names (the author always among them) and each one's consent to it.
CREATE TABLE achievement_person (
    achievement_id  UUID        NOT NULL REFERENCES achievement (id),
    person_id       UUID        NOT NULL REFERENCES person (id),
    consent         TEXT        NOT NULL DEFAULT 'pending' CHECK (consent IN ('pending', 'granted', 'withdrawn')),
    fields          TEXT[]      NOT NULL DEFAULT '{}',
    decided_at      TIMESTAMPTZ,
    PRIMARY KEY (achievement_id, person_id)
);
CREATE INDEX achievement_person_by_person ON achievement_person (person_id);

-- What the showcase shows now: one row per public item, rebuilt with the item's feed entry.
CREATE TABLE showcase_item (
    achievement_id  UUID        PRIMARY KEY REFERENCES achievement (id),
    published_at    TIMESTAMPTZ NOT NULL,
    payload         JSONB       NOT NULL
);
CREATE INDEX showcase_item_order ON showcase_item (published_at DESC, achievement_id DESC);

-- The public change feed of the showcase, a commit-ordered log (platform CommitOrderedLog): seq
-- comes from the single-row counter under its lock, so it is dense and in commit order.
CREATE TABLE showcase_change (
    seq             BIGINT      PRIMARY KEY,
    achievement_id  UUID        NOT NULL,
    kind            TEXT        NOT NULL CHECK (kind IN ('UPSERT', 'TOMBSTONE')),
    payload         JSONB,
    committed_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT showcase_change_payload CHECK ((kind = 'UPSERT') = (payload IS NOT NULL))
);
CREATE INDEX showcase_change_item ON showcase_change (achievement_id, seq);
CREATE TABLE showcase_change_counter (
    singleton  BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    last_seq   BIGINT  NOT NULL
);
INSERT INTO showcase_change_counter (singleton, last_seq) VALUES (TRUE, 0);
