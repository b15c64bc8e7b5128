-- Completed self-diagnoses (issue 14 §3). A row is written once, when the diagnosis completes,
-- and never changed or removed: the trigger below refuses it, so history cannot be rewritten by
-- a later bug either. The organisation's facts are kept as they stood at completion.
CREATE TABLE diagnosis (
    id                  UUID        PRIMARY KEY,
    organisation_id     UUID        NOT NULL REFERENCES organisation (id),
    instrument_code     TEXT        NOT NULL,
    instrument_version  TEXT        NOT NULL,
    placement_version   TEXT        NOT NULL,
    answers             JSONB       NOT NULL,
    facts               TEXT[]      NOT NULL,
    prefecture          TEXT        NOT NULL,
    jsic_division       TEXT        NOT NULL,
    employee_band       TEXT        NOT NULL,
    concurrent_staff    INTEGER     NOT NULL,
    dedicated_staff     INTEGER     NOT NULL,
    raw_score           INTEGER     NOT NULL,
    max_score           INTEGER     NOT NULL,
    percent             INTEGER,
    band                TEXT,
    placed_step         INTEGER     NOT NULL CHECK (placed_step BETWEEN 1 AND 4),
    unmet               JSONB       NOT NULL,
    gaps                JSONB       NOT NULL,
    previous_id         UUID        REFERENCES diagnosis (id),
    moved_down          BOOLEAN     NOT NULL,
    respondent_subject  TEXT        NOT NULL,
    respondent_role     TEXT        NOT NULL,
    completed_at        TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (instrument_code, instrument_version)
        REFERENCES diagnosis_instrument (code, version)
);
CREATE INDEX diagnosis_by_organisation ON diagnosis (organisation_id, completed_at, id);

CREATE FUNCTION diagnosis_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'a completed diagnosis is never changed';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER diagnosis_immutable BEFORE UPDATE OR DELETE ON diagnosis
    FOR EACH ROW EXECUTE FUNCTION diagnosis_is_immutable();

-- Which guidance themes (指導テーマ, the Active List's codes 1-6: rules and policy, assets and
-- risk analysis, cloud, incident response, employee training, supply-chain self-assessment) can
-- close a gap. Events carry them so demand can be counted by theme.
CREATE TABLE gap_theme (
    gap_code  TEXT    NOT NULL,
    theme     INTEGER NOT NULL CHECK (theme BETWEEN 1 AND 6),
    PRIMARY KEY (gap_code, theme)
);
INSERT INTO gap_theme (gap_code, theme) VALUES
('os-updates', 2), ('antivirus', 4), ('passwords', 5), ('sharing-settings', 3),
('attack-awareness', 5), ('media-handling', 1), ('internet-use', 1), ('email-handling', 5),
('screen-lock', 5), ('device-loss', 4), ('paper-and-desk', 1), ('office-access', 1),
('backup', 4), ('disposal', 2), ('wifi', 2), ('remote-work', 3), ('remote-work', 1),
('incident-reporting', 4), ('employee-training', 5), ('basic-policy', 1),
('self-assessment', 6), ('self-assessment', 2), ('roles-and-contacts', 4), ('budget', 1),
('security-rules', 1), ('contractor-security', 6), ('check-and-improve', 2);
