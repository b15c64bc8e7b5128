-- The community proper: editions and completion records (the camp office's), members bound to
-- their token by an enrolment code, guardians' consents by scope, groups, posts, direct messages
-- and moderation. docs/community.md explains the rules these tables carry.

-- Which programmes' completions make someone a member is the camp office's setting; the seed's
-- alumni counts stay beside the derived ones, for reconciliation only (never summed).
ALTER TABLE programme
    ADD COLUMN community_eligible    BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN reference_alumni      INTEGER CHECK (reference_alumni >= 0),
    ADD COLUMN reference_as_of       DATE,
    ADD COLUMN version               BIGINT  NOT NULL DEFAULT 0;
UPDATE programme SET community_eligible = true WHERE code IN ('national', 'next', 'junior');
UPDATE programme SET reference_alumni = 1232, reference_as_of = DATE '2025-05-01' WHERE code = 'national';
UPDATE programme SET reference_alumni = 53,   reference_as_of = DATE '2025-05-01' WHERE code = 'next';
UPDATE programme SET reference_alumni = 11,   reference_as_of = DATE '2025-05-01' WHERE code = 'junior';

CREATE TABLE edition (
    id                          UUID    PRIMARY KEY,
    programme_code              TEXT    NOT NULL REFERENCES programme (code),
    fiscal_year                 INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    -- pre/main for Camp Connect's two stages; 'single' for every other programme.
    stage                       TEXT    NOT NULL CHECK (stage IN ('single', 'pre', 'main')),
    starts_on                   DATE    NOT NULL,
    ends_on                     DATE    NOT NULL CHECK (ends_on >= starts_on),
    format                      TEXT    NOT NULL CHECK (format IN ('in-person', 'online', 'both')),
    capacity                    INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 100000),
    eligibility_reference_date  DATE    NOT NULL,
    version                     BIGINT  NOT NULL DEFAULT 0,
    UNIQUE (programme_code, fiscal_year, stage)
);

-- A person as the camp office knows them (person_ref is the office's own key). Contact details
-- and the date of birth never leave the camp office's endpoints; subject is the alumni token
-- subject, bound only by redeeming an enrolment code.
CREATE TABLE person (
    id                      UUID        PRIMARY KEY,
    person_ref              TEXT        NOT NULL UNIQUE,
    full_name               TEXT        NOT NULL,
    email                   TEXT        NOT NULL,
    date_of_birth           DATE        NOT NULL,
    guardian_email          TEXT,
    subject                 TEXT        UNIQUE,
    enrolled_at             TIMESTAMPTZ,
    display_name            TEXT,
    prefecture              TEXT        CHECK (prefecture ~ '^(0[1-9]|[1-3][0-9]|4[0-7])$'),
    municipality            TEXT,
    affiliation_kind        TEXT        CHECK (affiliation_kind IN ('student', 'employed', 'other')),
    interests               TEXT[]      NOT NULL DEFAULT '{}',
    -- An adult's own choice of scopes, and when they confirmed it (null: never; the most
    -- restrictive settings apply until they do).
    own_scopes              TEXT[]      NOT NULL DEFAULT '{}',
    own_settings_at         TIMESTAMPTZ,
    posting_suspended       BOOLEAN     NOT NULL DEFAULT false,
    banned                  BOOLEAN     NOT NULL DEFAULT false,
    profile_deleted_at      TIMESTAMPTZ,
    version                 BIGINT      NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ NOT NULL
);

CREATE TABLE completion (
    id              UUID        PRIMARY KEY,
    row_key         TEXT        NOT NULL UNIQUE,
    person_id       UUID        NOT NULL REFERENCES person (id),
    programme_code  TEXT        NOT NULL REFERENCES programme (code),
    fiscal_year     INTEGER     NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    edition_id      UUID        REFERENCES edition (id),
    verified        BOOLEAN     NOT NULL,
    import_id       UUID        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX completion_by_person ON completion (person_id);
CREATE INDEX completion_by_programme ON completion (programme_code) WHERE verified;

CREATE TABLE completion_import (
    id          UUID        PRIMARY KEY,
    actor       TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    media_type  TEXT        NOT NULL,
    rows        INTEGER     NOT NULL,
    created     INTEGER     NOT NULL,
    updated     INTEGER     NOT NULL,
    unchanged   INTEGER     NOT NULL,
    rejected    INTEGER     NOT NULL,
    codes_sent  INTEGER     NOT NULL,
    duration_ms BIGINT      NOT NULL
);

-- One-time enrolment codes: only the SHA-256 of the code is kept.
CREATE TABLE enrolment_code (
    code_hash   TEXT        PRIMARY KEY,
    person_id   UUID        NOT NULL REFERENCES person (id),
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX enrolment_code_by_person ON enrolment_code (person_id);

-- The guardian's answers, one row per decision (append-only history; the newest per scope counts).
CREATE TABLE guardian_consent (
    id            UUID        PRIMARY KEY,
    person_id     UUID        NOT NULL REFERENCES person (id),
    scope         TEXT        NOT NULL,
    granted       BOOLEAN     NOT NULL,
    text_version  TEXT        NOT NULL,
    guardian_email TEXT       NOT NULL,
    link_id       UUID        NOT NULL,
    decided_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX guardian_consent_by_person ON guardian_consent (person_id, scope, decided_at DESC);

-- Signed guardian links: the signature proves the token came from us, this row makes it single-use.
CREATE TABLE guardian_link (
    id          UUID        PRIMARY KEY,
    person_id   UUID        NOT NULL REFERENCES person (id),
    sent_to     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);

-- A minor asks for another guardian address; only the camp office's confirmation makes it the
-- address on record.
CREATE TABLE guardian_email_change (
    id            UUID        PRIMARY KEY,
    person_id     UUID        NOT NULL REFERENCES person (id),
    requested     TEXT        NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    decided_at    TIMESTAMPTZ,
    decided_by    TEXT,
    confirmed     BOOLEAN
);

CREATE TABLE consent_text (
    version     TEXT        PRIMARY KEY,
    valid_from  DATE        NOT NULL UNIQUE,
    body_ja     TEXT        NOT NULL
);
INSERT INTO consent_text (version, valid_from, body_ja) VALUES
('2025-1', DATE '2025-08-01',
 'セキュリティ・キャンプ修了生コミュニティは、18歳未満の修了生の参加に保護者の同意を求めます。同意は項目ごとに与え、いつでも新しいリンクから取り消せます。'
 || '項目: membership（参加そのもの）、profile-in-community（コミュニティ内でのプロフィール表示）、groups（モデレーター付きグループでの投稿）、'
 || 'events-online / events-in-person（オンライン・対面イベントへの参加）、surveys（アンケート回答）、government-calls（政府機関等の意見募集への参加）、'
 || 'publication（活躍状況等の公開。項目ごとの本人の公開同意も必要）、connect-application（コネクトへの応募）。'
 || '生年月日・連絡先・学校・市区町村は公開されません。未成年者と成人の間のダイレクトメッセージはできません。');

CREATE TABLE community_group (
    id                  UUID        PRIMARY KEY,
    name                TEXT        NOT NULL,
    purpose             TEXT        NOT NULL CHECK (purpose IN
                          ('incident-cooperation', 'programme-cohort', 'region', 'topic', 'youth-lecture-team')),
    visibility          TEXT        NOT NULL CHECK (visibility IN ('open', 'invitation')),
    min_age_band        TEXT        NOT NULL CHECK (min_age_band IN ('child', 'junior', 'teen', 'adult')),
    description         TEXT        NOT NULL DEFAULT '',
    created_at          TIMESTAMPTZ NOT NULL,
    version             BIGINT      NOT NULL DEFAULT 0,
    CHECK (purpose <> 'incident-cooperation' OR (visibility = 'invitation' AND min_age_band = 'adult'))
);

CREATE TABLE group_member (
    group_id    UUID        NOT NULL REFERENCES community_group (id),
    person_id   UUID        NOT NULL REFERENCES person (id),
    joined_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, person_id)
);
CREATE INDEX group_member_by_person ON group_member (person_id);

-- Moderators are camp-office staff, by token subject.
CREATE TABLE group_moderator (
    group_id    UUID        NOT NULL REFERENCES community_group (id),
    subject     TEXT        NOT NULL,
    display_name TEXT       NOT NULL,
    PRIMARY KEY (group_id, subject)
);

CREATE TABLE post (
    id              UUID        PRIMARY KEY,
    group_id        UUID        NOT NULL REFERENCES community_group (id),
    author_id       UUID        NOT NULL REFERENCES person (id),
    body            TEXT        NOT NULL,
    attachments     JSONB       NOT NULL DEFAULT '[]',
    sharing_label   TEXT        CHECK (sharing_label IN ('TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:RED')),
    state           TEXT        NOT NULL CHECK (state IN ('visible', 'held', 'hidden', 'removed')),
    held_reasons    TEXT[]      NOT NULL DEFAULT '{}',
    created_at      TIMESTAMPTZ NOT NULL,
    edited_at       TIMESTAMPTZ,
    version         BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX post_by_group ON post (group_id, created_at DESC, id DESC);
CREATE INDEX post_by_author ON post (author_id);

CREATE TABLE direct_message (
    id              UUID        PRIMARY KEY,
    sender_id       UUID        NOT NULL REFERENCES person (id),
    recipient_id    UUID        NOT NULL REFERENCES person (id),
    body            TEXT        NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('visible', 'hidden', 'removed')),
    sent_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX direct_message_by_pair ON direct_message (sender_id, recipient_id, sent_at DESC);
CREATE INDEX direct_message_by_recipient ON direct_message (recipient_id, sent_at DESC);

-- Contact details and invitations to outside chats, in Japanese and ASCII forms: data, not code.
CREATE TABLE moderation_pattern (
    code        TEXT    PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('contact-details', 'outside-chat')),
    regex       TEXT    NOT NULL,
    description TEXT    NOT NULL
);
INSERT INTO moderation_pattern (code, kind, regex, description) VALUES
('email',            'contact-details', '[A-Za-z0-9._%+-]+\s*(@|＠|\[at\]|\(at\)|アットマーク)\s*[A-Za-z0-9.-]+\s*(\.|．|\[dot\]|ドット)\s*[A-Za-z]{2,}', 'e-mail address, also written with ＠ or [at]'),
('phone',            'contact-details', '(\+81[-\s]?|0|０)[0-9０-９]{1,4}[-‐－ー\s]?[0-9０-９]{1,4}[-‐－ー\s]?[0-9０-９]{3,4}', 'Japanese phone number, half- or full-width digits'),
('phone-words',      'contact-details', '(電話番号|でんわばんごう|TEL|Tel|tel)\s*[:：は]?\s*[0-9０-９]', 'a phone number announced in words'),
('address-words',    'contact-details', '(住所|じゅうしょ)\s*[:：は]', 'a postal address announced in words'),
('line-ja',          'outside-chat',    '(LINE|ライン|らいん)\s*(ID|ＩＤ|id|交換|追加|で話|教えて)', 'invitation to LINE (Japanese forms)'),
('discord',          'outside-chat',    '(discord|ディスコード|ディスコ)\s*の?\s*(\.gg|サーバ|招待|で話|ID|id|交換)|discord\.(gg|com/invite)', 'invitation to a Discord server'),
('dm-elsewhere',     'outside-chat',    '(個別|こっそり|直接)\s*(で)?\s*(連絡|やり取り|話)|DMして|dm me|DM me|text me|add me on', 'asking to move the conversation elsewhere'),
('chat-apps',        'outside-chat',    '(telegram|テレグラム|whatsapp|wechat|kakao|instagram|インスタ)\s*(で|の|ID|id|交換|追加)?', 'naming another chat service'),
('chat-links',       'outside-chat',    '(line\.me|t\.me|wa\.me|instagram\.com)/', 'a link into another chat service');

-- Reports, cases, actions, appeals and an append-only audit trail.
CREATE TABLE moderation_case (
    id              UUID        PRIMARY KEY,
    target_kind     TEXT        NOT NULL CHECK (target_kind IN ('post', 'message', 'group')),
    target_id       UUID        NOT NULL,
    group_id        UUID        REFERENCES community_group (id),
    author_id       UUID        REFERENCES person (id),
    opened_because  TEXT[]      NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('open', 'decided')),
    opened_at       TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX moderation_case_one_open ON moderation_case (target_kind, target_id) WHERE state = 'open';
CREATE INDEX moderation_case_queue ON moderation_case (opened_at, id) WHERE state = 'open';

CREATE TABLE moderation_report (
    id          UUID        PRIMARY KEY,
    case_id     UUID        NOT NULL REFERENCES moderation_case (id),
    reporter_id UUID        NOT NULL REFERENCES person (id),
    reason      TEXT        NOT NULL,
    reported_at TIMESTAMPTZ NOT NULL,
    UNIQUE (case_id, reporter_id)
);

CREATE TABLE moderation_action (
    id          UUID        PRIMARY KEY,
    case_id     UUID        NOT NULL REFERENCES moderation_case (id),
    action      TEXT        NOT NULL CHECK (action IN ('hide', 'restore', 'remove', 'warn', 'suspend', 'ban')),
    reason      TEXT        NOT NULL,
    moderator   TEXT        NOT NULL,
    taken_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX moderation_action_by_case ON moderation_action (case_id, taken_at);

CREATE TABLE moderation_appeal (
    id          UUID        PRIMARY KEY,
    action_id   UUID        NOT NULL UNIQUE REFERENCES moderation_action (id),
    statement   TEXT        NOT NULL,
    appealed_at TIMESTAMPTZ NOT NULL,
    outcome     TEXT        CHECK (outcome IN ('upheld', 'overturned')),
    decided_by  TEXT,
    decided_at  TIMESTAMPTZ,
    decision_reason TEXT
);

CREATE TABLE moderation_audit (
    seq         BIGSERIAL   PRIMARY KEY,
    case_id     UUID        NOT NULL REFERENCES moderation_case (id),
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    what        TEXT        NOT NULL
);
CREATE FUNCTION moderation_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'moderation_audit is append-only';
END $$;
CREATE TRIGGER moderation_audit_no_change BEFORE UPDATE OR DELETE ON moderation_audit
    FOR EACH ROW EXECUTE FUNCTION moderation_audit_append_only();
