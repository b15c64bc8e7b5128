-- Certifier attestation of experience entries, the versioned sworn declaration and submission
-- (issue 4 section 2).

-- Where an entry stands with its certifier. Only DRAFT and DECLINED entries can be edited;
-- requesting attestation makes it PENDING_ATTESTATION, the certifier's answer ATTESTED or
-- DECLINED. The decision, its time, comment and the certifier's name (as the entry named them
-- when the request was made) stay with the entry.
ALTER TABLE experience_entry
    ADD COLUMN status TEXT NOT NULL DEFAULT 'DRAFT'
        CHECK (status IN ('DRAFT', 'PENDING_ATTESTATION', 'ATTESTED', 'DECLINED')),
    ADD COLUMN attestation_requested_at TIMESTAMPTZ,
    ADD COLUMN attestation_expires_at   TIMESTAMPTZ,
    ADD COLUMN attestation_decided_at   TIMESTAMPTZ,
    ADD COLUMN attestation_comment      TEXT CHECK (length(attestation_comment) <= 2000),
    ADD COLUMN attested_by_name         TEXT CHECK (length(attested_by_name) BETWEEN 1 AND 100);

-- One-time attestation links. Only the SHA-256 (hex) of the token is stored: the raw token
-- leaves the service once, in the attestation-requested event (and the dev mailbox when that is
-- enabled), and can't be rebuilt from this table.
CREATE TABLE attestation_request (
    id                 UUID        PRIMARY KEY,
    entry_id           UUID        NOT NULL REFERENCES experience_entry (id) ON DELETE CASCADE,
    token_hash         TEXT        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    -- What the certifier is shown as the applicant (fixed when the link is sent).
    applicant_display  TEXT        NOT NULL CHECK (length(applicant_display) BETWEEN 1 AND 200),
    created_at         TIMESTAMPTZ NOT NULL,
    expires_at         TIMESTAMPTZ NOT NULL,
    used_at            TIMESTAMPTZ,
    decision           TEXT        CHECK (decision IN ('CONFIRMED', 'DECLINED')),
    CHECK (created_at < expires_at),
    CHECK ((used_at IS NULL) = (decision IS NULL))
);
CREATE INDEX attestation_request_by_entry ON attestation_request (entry_id);

-- The messages a mailer would send, kept only when riss.deemed-attendance.dev-mailbox.enabled
-- is true (development and tests). Never written in production.
CREATE TABLE dev_mail (
    id          UUID        PRIMARY KEY,
    recipient   TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    sent_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX dev_mail_by_recipient ON dev_mail (recipient, sent_at DESC);

-- The sworn declaration (宣誓) an applicant accepts on submission, versioned: the current one is
-- the latest published. A new text is a new row (a new migration), never an update.
CREATE TABLE sworn_declaration (
    version       TEXT        PRIMARY KEY CHECK (version ~ '^[0-9A-Za-z.-]{1,40}$'),
    text          TEXT        NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    published_at  TIMESTAMPTZ NOT NULL UNIQUE,
    -- true while the wording is this service's sample, not IPA's official text
    sample        BOOLEAN     NOT NULL
);

-- SAMPLE WORDING (サンプル文言), pending IPA's official text; seed report 信頼性確保策 ④
-- 「申請書に虚偽の記載がないことの宣誓同意文言の追加」 and 法第19条第2項 (登録の取消し).
INSERT INTO sworn_declaration (version, text, published_at, sample) VALUES
('2026-1',
 '【サンプル文言（IPAの正式な文言が定まるまでの仮のもの）】' || E'\n'
 || '私は、本みなし受講申請書に記載した実務経験の内容が事実に相違ないことを宣誓します。' || E'\n'
 || '申請内容に虚偽があった場合には、情報処理の促進に関する法律第19条第2項に基づき、'
 || '情報処理安全確保支援士の登録を取り消されることがあることを理解しています。' || E'\n'
 || 'また、申請内容の確認のため、独立行政法人情報処理推進機構がサンプル調査を行い、'
 || '追加の説明を求めることがあることに同意します。',
 TIMESTAMPTZ '2026-01-01 00:00:00+09', true);

-- Submission: when, and which declaration version was accepted when.
ALTER TABLE application
    ADD COLUMN submitted_at            TIMESTAMPTZ,
    ADD COLUMN declaration_version     TEXT REFERENCES sworn_declaration (version),
    ADD COLUMN declaration_accepted_at TIMESTAMPTZ,
    ADD CHECK ((status = 'DRAFT') = (submitted_at IS NULL)),
    ADD CHECK ((submitted_at IS NULL) = (declaration_version IS NULL)
               AND (submitted_at IS NULL) = (declaration_accepted_at IS NULL));
ALTER TABLE application DROP CONSTRAINT application_status_check;
ALTER TABLE application ADD CONSTRAINT application_status_check
    CHECK (status IN ('DRAFT', 'SUBMITTED'));
-- At most one open (submitted, not yet decided) application per cycle.
CREATE UNIQUE INDEX application_one_open ON application (cycle_id) WHERE status = 'SUBMITTED';
