-- Issue 4 sections 3-4: IPA's review with decisions and reasons, sample audits with recorded
-- seeds, renewal reminders, and entries suggested from the Active List's completed engagements.

-- Who certifies an entry: the applicant's employer, or (for an independent specialist) the client
-- the work was done for (seed report: 勤務先（独立の場合は顧客）による証明). Sample audits draw
-- client-attested and employer-attested applications as separate strata. Rows from before this
-- column were all written by employees' forms, hence the default.
ALTER TABLE experience_entry
    ADD COLUMN certifier_relation TEXT DEFAULT 'EMPLOYER'
        CHECK (certifier_relation IN ('EMPLOYER', 'CLIENT'));
ALTER TABLE experience_entry ALTER COLUMN certifier_relation DROP DEFAULT;

-- An entry copied from a suggestion starts incomplete: who certifies it and where the work was
-- done are the specialist's to fill in (PUT, with every check of a normal entry) before
-- attestation can be requested. The composed description may be shorter than a finished one.
ALTER TABLE experience_entry
    ADD COLUMN suggestion_id UUID,
    ALTER COLUMN corporate_number DROP NOT NULL,
    ALTER COLUMN applicant_role DROP NOT NULL,
    ALTER COLUMN certifier_name DROP NOT NULL,
    ALTER COLUMN certifier_title DROP NOT NULL,
    ALTER COLUMN certifier_email DROP NOT NULL,
    ADD CONSTRAINT experience_entry_complete_unless_draft
        CHECK (status = 'DRAFT' OR (corporate_number IS NOT NULL AND applicant_role IS NOT NULL
               AND certifier_name IS NOT NULL AND certifier_title IS NOT NULL
               AND certifier_email IS NOT NULL AND certifier_relation IS NOT NULL));
ALTER TABLE experience_entry DROP CONSTRAINT experience_entry_description_check;
ALTER TABLE experience_entry ADD CONSTRAINT experience_entry_description_check
    CHECK (length(description) BETWEEN 1 AND 4000);

-- Review states. MORE_INFORMATION_REQUESTED is open like SUBMITTED (the applicant amends and
-- resubmits); REVOKED is an approval withdrawn after a sample audit found a false declaration.
ALTER TABLE application DROP CONSTRAINT application_status_check;
ALTER TABLE application ADD CONSTRAINT application_status_check
    CHECK (status IN ('DRAFT', 'SUBMITTED', 'MORE_INFORMATION_REQUESTED', 'APPROVED', 'REJECTED',
                      'REVOKED'));
DROP INDEX application_one_open;
CREATE UNIQUE INDEX application_one_open ON application (cycle_id)
    WHERE status IN ('SUBMITTED', 'MORE_INFORMATION_REQUESTED');
-- The review queue: submitted applications by the renewal due date of their cycle.
CREATE INDEX application_by_status ON application (status, submitted_at, id);

-- Why an application is rejected: reference data, at least one per rejection. Wording drawn from
-- the seed report's criteria (lines ~1402-1600): the RISS work of the law, ITSS level 4, one
-- coherent block of work per sub-item, own words rather than a published example.
CREATE TABLE rejection_reason (
    code      TEXT    PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
    position  INTEGER NOT NULL UNIQUE,
    name_ja   TEXT    NOT NULL CHECK (length(name_ja) > 0),
    name_en   TEXT    NOT NULL CHECK (length(name_en) > 0)
);
INSERT INTO rejection_reason (code, position, name_ja, name_en) VALUES
('not-riss-work', 1, '支援士の業務（助言、調査・分析・評価、指導）に当たらない',
 'Not the work of a registered specialist (advice, investigation/analysis/evaluation, guidance)'),
('below-itss-level-4', 2, 'ITSSレベル4相当の業務と認められない', 'Not at ITSS level 4'),
('not-coherent-block', 3, 'ひとかたまりの業務として記載されていない', 'Not one coherent block of work'),
('syllabus-mismatch', 4, 'シラバスの小項目と対応していない', 'Does not match the syllabus sub-items claimed'),
('insufficient-description', 5, '業務内容及び成果の記載が不十分', 'The work and its result are not described sufficiently'),
('example-copied', 6, '公表された具体例と同様の記載', 'Copies a published example'),
('attestation-doubtful', 7, '証明の内容に疑義がある', 'The attestation is doubtful');

-- Every review decision, oldest first. The reviewer is the token subject. REVOKED rows come from
-- a sample audit's FALSE_DECLARATION outcome. advice TAKE_COURSE: rejected too close to the
-- renewal due date for another application, so the specialist should take the course instead.
CREATE TABLE review_decision (
    id                UUID        PRIMARY KEY,
    application_id    UUID        NOT NULL REFERENCES application (id),
    decision          TEXT        NOT NULL CHECK (decision IN ('APPROVED', 'REJECTED',
                                                   'MORE_INFORMATION_REQUESTED', 'REVOKED')),
    reviewer_subject  TEXT        NOT NULL CHECK (length(reviewer_subject) BETWEEN 1 AND 255),
    decided_at        TIMESTAMPTZ NOT NULL,
    comment           TEXT        CHECK (length(comment) <= 4000),
    message           TEXT        CHECK (length(message) BETWEEN 1 AND 4000),
    advice            TEXT        CHECK (advice IN ('TAKE_COURSE')),
    CHECK ((decision = 'MORE_INFORMATION_REQUESTED') = (message IS NOT NULL))
);
CREATE INDEX review_decision_by_application ON review_decision (application_id, decided_at, id);

CREATE TABLE review_decision_reason (
    decision_id  UUID    NOT NULL REFERENCES review_decision (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL CHECK (position >= 0),
    reason_code  TEXT    NOT NULL REFERENCES rejection_reason (code),
    PRIMARY KEY (decision_id, position),
    UNIQUE (decision_id, reason_code)
);

-- Sample audits. Strata are reference data; the rate of each is IPA's setting (one row each).
--   CLIENT_ATTESTED:   some entry is certified by a client (independent specialists' work)
--   EMPLOYER_ATTESTED: every entry is certified by the applicant's employer
CREATE TABLE audit_stratum (
    code      TEXT         PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z_]*$'),
    position  INTEGER      NOT NULL UNIQUE,
    name_ja   TEXT         NOT NULL,
    rate      NUMERIC(5,4) NOT NULL CHECK (rate >= 0 AND rate <= 1),
    version   BIGINT       NOT NULL DEFAULT 0,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by TEXT
);
INSERT INTO audit_stratum (code, position, name_ja, rate) VALUES
('CLIENT_ATTESTED', 1, '顧客による証明（独立した支援士）', 0.05),
('EMPLOYER_ATTESTED', 2, '勤務先による証明', 0.05);

-- One draw: the seed, the period of approvals it covered, who ran it. Everything needed to
-- recompute the selection is recorded, so that anyone can check it was not hand-picked.
CREATE TABLE audit_draw (
    id           UUID        PRIMARY KEY,
    period_from  DATE        NOT NULL,
    period_to    DATE        NOT NULL,
    seed         BIGINT      NOT NULL,
    algorithm    TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   TEXT        NOT NULL,
    CHECK (period_from <= period_to)
);
CREATE INDEX audit_draw_by_time ON audit_draw (created_at DESC, id DESC);

CREATE TABLE audit_draw_stratum (
    draw_id   UUID         NOT NULL REFERENCES audit_draw (id) ON DELETE CASCADE,
    stratum   TEXT         NOT NULL REFERENCES audit_stratum (code),
    rate      NUMERIC(5,4) NOT NULL,
    PRIMARY KEY (draw_id, stratum)
);

-- The population of each stratum in the recorded order (sorted by id), and the selection in
-- the order the shuffle produced it.
CREATE TABLE audit_draw_member (
    draw_id         UUID    NOT NULL REFERENCES audit_draw (id) ON DELETE CASCADE,
    stratum         TEXT    NOT NULL,
    position        INTEGER NOT NULL CHECK (position >= 0),
    application_id  UUID    NOT NULL REFERENCES application (id),
    selected_rank   INTEGER CHECK (selected_rank >= 0),
    PRIMARY KEY (draw_id, stratum, position),
    UNIQUE (draw_id, application_id)
);

-- One audit of one application: what IPA asked the specialist, and the outcome.
CREATE TABLE audit (
    id               UUID        PRIMARY KEY,
    draw_id          UUID        NOT NULL REFERENCES audit_draw (id),
    application_id   UUID        NOT NULL UNIQUE REFERENCES application (id),
    stratum          TEXT        NOT NULL REFERENCES audit_stratum (code),
    follow_up        TEXT        CHECK (length(follow_up) BETWEEN 1 AND 4000),
    follow_up_at     TIMESTAMPTZ,
    outcome          TEXT        CHECK (outcome IN ('CONFIRMED', 'FALSE_DECLARATION')),
    outcome_comment  TEXT        CHECK (length(outcome_comment) <= 4000),
    decided_by       TEXT,
    decided_at       TIMESTAMPTZ,
    version          BIGINT      NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL,
    CHECK ((outcome IS NULL) = (decided_at IS NULL) AND (outcome IS NULL) = (decided_by IS NULL))
);
CREATE INDEX audit_by_draw ON audit (draw_id, created_at, id);

-- Renewal reminders sent: each (cycle, threshold) at most once, whoever runs the job.
CREATE TABLE reminder_sent (
    cycle_id   UUID        NOT NULL REFERENCES cycle (id),
    threshold  INTEGER     NOT NULL CHECK (threshold > 0),
    sent_on    DATE        NOT NULL,
    event_id   UUID        NOT NULL,
    sent_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (cycle_id, threshold)
);

-- Experience entries suggested from the Active List's completed guidance engagements, by the
-- specialist's registration number (the registration may be imported later than the event).
CREATE TABLE suggested_entry (
    id                   UUID        PRIMARY KEY,
    engagement_id        UUID        NOT NULL UNIQUE,
    listing_id           UUID        NOT NULL,
    registration_number  TEXT        NOT NULL CHECK (registration_number ~ '^[0-9]{6}$'),
    theme                INTEGER     NOT NULL CHECK (theme BETWEEN 1 AND 99),
    organisation_name    TEXT        CHECK (length(organisation_name) BETWEEN 1 AND 200),
    started_on           DATE        NOT NULL,
    completed_on         DATE        NOT NULL,
    title                TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description          TEXT        NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    CHECK (started_on <= completed_on)
);
CREATE INDEX suggested_entry_by_registration
    ON suggested_entry (registration_number, created_at DESC, id DESC);

CREATE TABLE suggested_entry_item (
    suggestion_id  UUID    NOT NULL REFERENCES suggested_entry (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL CHECK (position >= 0),
    item_code      TEXT    NOT NULL REFERENCES syllabus_item (code),
    PRIMARY KEY (suggestion_id, position)
);
