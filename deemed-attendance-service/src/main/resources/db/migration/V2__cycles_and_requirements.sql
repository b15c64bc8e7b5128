-- Renewal cycles, the course requirements of a cycle, and the course completions IPA reports.
--
-- Source: the seed report. Registration is valid 3 years (line 1457: 登録に3年間の有効期限を設け;
-- line 1436: 資格更新（3年ごと）); the renewal application, with the mandatory courses completed, is
-- due 60 days before the expiry (line 1432, 施行規則第十九条の二: 「更新の期限の日の六十日前までに…
-- 講習を修了し…登録更新申請書を…提出」). The duties and ethics course stays mandatory while part of
-- the courses can be replaced by practical work (line 1441: 国家資格としての責務や倫理等に関する講習
-- 受講は引き続き義務としつつ一部の講習については所要の実務経験をもって代替). The date arithmetic lives in
-- jp.riss.deemedattendance.cycle.RenewalCalendar; the dates below are stored as it computed them.

-- What a cycle requires. Data, not code: IPA administrators change `substitutable` through the API
-- (PUT /requirement-kinds/{code}); a kind that carries the duties and ethics content can never be.
--   per = CYCLE_YEAR: one completion in each of the cycle's 3 years (so 3 per cycle);
--   per = CYCLE:      one completion in the cycle.
CREATE TABLE requirement_kind (
    code               TEXT        PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
    position           INTEGER     NOT NULL UNIQUE,
    name_ja            TEXT        NOT NULL CHECK (length(name_ja) > 0),
    name_en            TEXT        NOT NULL CHECK (length(name_en) > 0),
    per                TEXT        NOT NULL CHECK (per IN ('CYCLE_YEAR', 'CYCLE')),
    duties_and_ethics  BOOLEAN     NOT NULL,
    substitutable      BOOLEAN     NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by         TEXT,
    CONSTRAINT requirement_kind_ethics_never_substitutable
        CHECK (NOT (duties_and_ethics AND substitutable))
);
INSERT INTO requirement_kind (code, position, name_ja, name_en, per, duties_and_ethics, substitutable) VALUES
('online-course', 1, 'オンライン講習', 'Online course (IPA, yearly; duties and ethics)', 'CYCLE_YEAR', true, false),
('practical-course', 2, '実践講習又は特定講習', 'Practical course (IPA practical course or a specified course)', 'CYCLE', false, true);

-- A registered specialist as IPA knows them: the registration number and the token subject of the
-- specialist's account. One number per account and one account per number.
CREATE TABLE registration (
    registration_number  TEXT        PRIMARY KEY CHECK (registration_number ~ '^[0-9]{6}$'),
    specialist_subject   TEXT        NOT NULL UNIQUE
                                     CHECK (length(specialist_subject) BETWEEN 1 AND 255),
    created_at           TIMESTAMPTZ NOT NULL
);

-- One 3-year registration cycle: from the registration (or renewal) date to the expiry, with the
-- renewal application due date. Cycles of one registration never overlap (checked by the import).
CREATE TABLE cycle (
    id                   UUID        PRIMARY KEY,
    registration_number  TEXT        NOT NULL REFERENCES registration (registration_number),
    starts_on            DATE        NOT NULL,
    expires_on           DATE        NOT NULL,
    renewal_due_on       DATE        NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    UNIQUE (registration_number, starts_on),
    CHECK (starts_on < renewal_due_on AND renewal_due_on < expires_on)
);
CREATE INDEX cycle_renewal_due_on ON cycle (renewal_due_on);

-- A course completed in a cycle. The natural key is (cycle, kind, period): period is the cycle
-- year (1-3) for per-CYCLE_YEAR kinds and 1 for per-CYCLE kinds. A slot keeps its earliest
-- completion, so re-imports and imports in any order give the same stored state.
CREATE TABLE course_completion (
    id                UUID        PRIMARY KEY,
    cycle_id          UUID        NOT NULL REFERENCES cycle (id),
    requirement_kind  TEXT        NOT NULL REFERENCES requirement_kind (code),
    period            INTEGER     NOT NULL CHECK (period BETWEEN 1 AND 3),
    course_name       TEXT        NOT NULL CHECK (length(course_name) BETWEEN 1 AND 200),
    completed_on      DATE        NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (cycle_id, requirement_kind, period)
);
