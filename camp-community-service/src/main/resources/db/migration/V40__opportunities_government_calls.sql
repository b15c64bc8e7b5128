-- Opportunities (活躍機会) the camp office offers alumni, members' interest and the office's
-- selection; government calls (政府機関等の意見募集・参加案内) and alumni's responses to them.
-- docs/community.md explains the rules these tables carry.

-- The kinds of opportunity: the community's planned activities (コミュニティの活動（案）), teaching
-- at the camp itself, youth lectures and the alumni seminar (ジュニア支援（修了生ゼミ）).
CREATE TABLE opportunity_kind (
    code      TEXT    PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{0,39}$'),
    name_ja   TEXT    NOT NULL,
    name_en   TEXT    NOT NULL,
    position  INTEGER NOT NULL UNIQUE
);
INSERT INTO opportunity_kind (code, name_ja, name_en, position) VALUES
('cyber-technology-lab',      'サイバー技術研究室への参画（攻撃情報の調査・分析、OSS開発など）', 'Work in the Cyber Technology Lab (attack research and analysis, OSS development)', 1),
('vulnerability-reporting',   '脆弱性情報の届け出',                     'Reporting vulnerabilities', 2),
('top10-threats-selection',   '情報セキュリティ10大脅威選考への参加',      'Taking part in selecting the 10 Major Security Threats', 3),
('white-paper-column',        '情報セキュリティ白書コラムの執筆',          'Writing a column for the Information Security White Paper', 4),
('mini-camp-instructor',      '講師としてミニキャンプ参加',                'Instructor at a mini camp', 5),
('mini-camp-tutor',           'チューターとしてミニキャンプ参加',          'Tutor at a mini camp', 6),
('camp-forum',                'キャンプフォーラムへの参加',                'Taking part in the camp forum', 7),
('alumni-event',              '修了生イベントへの参加',                    'Alumni events', 8),
('mitou-company-exchange',    '未踏発企業との交流・連携',                  'Exchange with companies born from the MITOU programme', 9),
('instructor-tutor-exchange', '講師・チューターとの情報交換',              'Exchange with instructors and tutors', 10),
('mini-camp-attendance',      'ミニキャンプの聴講',                        'Attending a mini camp', 11),
('alumni-workshop',           '修了生対象のワークショップ',                'Workshops for alumni', 12),
('mitou-event-referral',      '未踏事業イベントへの紹介・勧誘',            'Referral to MITOU programme events', 13),
('camp-instructor',           '講師としてのキャンプへの参画',              'Teaching at the camp itself', 14),
('youth-lecturer',            '若年層講座の講師',                          'Lecturer at a youth lecture', 15),
('alumni-seminar',            'ジュニア支援（修了生ゼミ）',                'Alumni seminar supporting juniors', 16);

CREATE TABLE opportunity (
    id                      UUID        PRIMARY KEY,
    kind                    TEXT        NOT NULL REFERENCES opportunity_kind (code),
    provider                TEXT        NOT NULL,
    title                   TEXT        NOT NULL,
    description             TEXT        NOT NULL,
    format                  TEXT        NOT NULL CHECK (format IN ('in-person', 'online', 'both')),
    slots                   INTEGER     NOT NULL CHECK (slots BETWEEN 1 AND 1000),
    -- Interest is taken until this instant; shown in the UTC offset it was given in.
    deadline                TIMESTAMPTZ NOT NULL,
    utc_offset_seconds      INTEGER     NOT NULL CHECK (utc_offset_seconds BETWEEN -64800 AND 64800),
    audience_programmes     TEXT[]      NOT NULL DEFAULT '{}',
    audience_year_from      INTEGER     CHECK (audience_year_from BETWEEN 2000 AND 2100),
    audience_year_to        INTEGER     CHECK (audience_year_to BETWEEN 2000 AND 2100),
    audience_min_age_band   TEXT        NOT NULL CHECK (audience_min_age_band IN ('child', 'junior', 'teen', 'adult')),
    -- Residence prefectures targeted (JIS X 0401); empty: anywhere.
    prefectures             TEXT[]      NOT NULL DEFAULT '{}',
    minor_suitable          BOOLEAN     NOT NULL,
    cancelled_at            TIMESTAMPTZ,
    version                 BIGINT      NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ NOT NULL,
    CHECK (NOT minor_suitable OR audience_min_age_band <> 'adult')
);
CREATE INDEX opportunity_by_deadline ON opportunity (deadline, id);

-- A member's interest; the camp office selects among the interested. arrival orders the list.
CREATE TABLE opportunity_interest (
    id              UUID        PRIMARY KEY,
    opportunity_id  UUID        NOT NULL REFERENCES opportunity (id),
    person_id       UUID        NOT NULL REFERENCES person (id),
    statement       TEXT,
    state           TEXT        NOT NULL CHECK (state IN ('interested', 'selected', 'withdrawn')),
    expressed_at    TIMESTAMPTZ NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL,
    arrival         BIGSERIAL   NOT NULL UNIQUE
);
-- One live interest per member and opportunity (withdrawn ones stay as history).
CREATE UNIQUE INDEX opportunity_interest_live
    ON opportunity_interest (opportunity_id, person_id) WHERE state <> 'withdrawn';
CREATE INDEX opportunity_interest_by_opportunity ON opportunity_interest (opportunity_id, arrival);

-- Government calls. issuer_subject is the token subject of the government body that issued it
-- (null when the camp office posted it for an issuer); only that body and the camp office read
-- the responses.
CREATE TABLE government_call (
    id                      UUID        PRIMARY KEY,
    kind                    TEXT        NOT NULL CHECK (kind IN ('opinion', 'participation')),
    issuer                  TEXT        NOT NULL,
    issuer_subject          TEXT,
    title                   TEXT        NOT NULL,
    description             TEXT        NOT NULL,
    deadline                TIMESTAMPTZ NOT NULL,
    utc_offset_seconds      INTEGER     NOT NULL CHECK (utc_offset_seconds BETWEEN -64800 AND 64800),
    audience_programmes     TEXT[]      NOT NULL DEFAULT '{}',
    audience_year_from      INTEGER     CHECK (audience_year_from BETWEEN 2000 AND 2100),
    audience_year_to        INTEGER     CHECK (audience_year_to BETWEEN 2000 AND 2100),
    audience_min_age_band   TEXT        NOT NULL CHECK (audience_min_age_band IN ('child', 'junior', 'teen', 'adult')),
    prefectures             TEXT[]      NOT NULL DEFAULT '{}',
    minor_suitable          BOOLEAN     NOT NULL,
    version                 BIGINT      NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ NOT NULL,
    CHECK (NOT minor_suitable OR audience_min_age_band <> 'adult')
);
CREATE INDEX government_call_by_deadline ON government_call (deadline, id);
CREATE INDEX government_call_by_issuer ON government_call (issuer_subject, deadline, id);

-- One response per member and call. contact_consent is the member's consent, for this call only,
-- to hand their name and e-mail address to the issuer.
CREATE TABLE government_call_response (
    id               UUID        PRIMARY KEY,
    call_id          UUID        NOT NULL REFERENCES government_call (id),
    person_id        UUID        NOT NULL REFERENCES person (id),
    body             TEXT        NOT NULL,
    contact_consent  BOOLEAN     NOT NULL,
    responded_at     TIMESTAMPTZ NOT NULL,
    arrival          BIGSERIAL   NOT NULL UNIQUE,
    UNIQUE (call_id, person_id)
);
