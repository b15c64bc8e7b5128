-- What alumni do after the camp, and the yearly figures per programme (docs/community.md,
-- "Outcomes"). Little is known about alumni once they complete, and the target is at least to
-- double top-talent training: so members report their status once a year, with consent, and the
-- camp office reads figures derived from records only, beside the report's own figures.

-- The statuses a member may report (reference data).
CREATE TABLE outcome_status (
    code            TEXT    PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{0,39}$'),
    display_order   INTEGER NOT NULL UNIQUE,
    name_ja         TEXT    NOT NULL CHECK (length(name_ja) > 0),
    name_en         TEXT    NOT NULL CHECK (length(name_en) > 0)
);
INSERT INTO outcome_status (code, display_order, name_ja, name_en) VALUES
('studying',          1, '在学中',                         'Studying'),
('working-security',  2, 'セキュリティ分野で就業',         'Working in security'),
('working-elsewhere', 3, 'セキュリティ以外の分野で就業',   'Working in another field'),
('founded-company',   4, '起業',                           'Founded a company'),
('research',          5, '研究職・研究活動',               'Research'),
('other',             6, 'その他',                         'Other');

-- The sector a member works, studies or researches in (reference data).
CREATE TABLE outcome_sector (
    code            TEXT    PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{0,39}$'),
    display_order   INTEGER NOT NULL UNIQUE,
    name_ja         TEXT    NOT NULL CHECK (length(name_ja) > 0),
    name_en         TEXT    NOT NULL CHECK (length(name_en) > 0)
);
INSERT INTO outcome_sector (code, display_order, name_ja, name_en) VALUES
('security-vendor',   1, 'セキュリティ製品・サービス',  'Security products and services'),
('it-services',       2, '情報通信・ITサービス',        'IT and communications'),
('manufacturing',     3, '製造業',                      'Manufacturing'),
('finance',           4, '金融',                        'Finance'),
('energy',            5, 'エネルギー・電力',            'Energy and power'),
('transport',         6, '運輸・自動車',                'Transport and automotive'),
('healthcare',        7, '医療',                        'Healthcare'),
('government',        8, '政府機関・公共機関',          'Government and public bodies'),
('education',         9, '教育機関・大学',              'Education and universities'),
('other',            10, 'その他',                      'Other');

-- A member's status, at most one per member and fiscal year (the newest year counts in figures).
-- Withdrawing consent deletes the member's rows.
CREATE TABLE alumni_outcome (
    person_id       UUID        NOT NULL REFERENCES person (id),
    fiscal_year     INTEGER     NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    status          TEXT        NOT NULL REFERENCES outcome_status (code),
    sector          TEXT        REFERENCES outcome_sector (code),
    prefecture      TEXT        CHECK (prefecture ~ '^(0[1-9]|[1-3][0-9]|4[0-7])$'),
    reported_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, fiscal_year)
);

-- The yearly prompt: one row per member and prompt year (the anniversary of their enrolment, one
-- configured period after another); the row and its mail commit together, so a member is asked
-- once per year however often the sweep runs.
CREATE TABLE outcome_prompt (
    person_id       UUID        NOT NULL REFERENCES person (id),
    due_on          DATE        NOT NULL,
    sent_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, due_on)
);

-- Who applied to an edition and who took part, as the camp office records them (an opaque key of
-- the office per applicant, no personal data): applicants and participants are counted from these
-- rows, never typed in as totals.
CREATE TABLE edition_application (
    edition_id      UUID        NOT NULL REFERENCES edition (id),
    applicant_ref   TEXT        NOT NULL CHECK (applicant_ref ~ '^[A-Za-z0-9._-]{1,64}$'),
    participated    BOOLEAN     NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (edition_id, applicant_ref)
);

-- The report's own figures, shown beside the derived ones for reconciliation and never added to
-- them. The report is METI's 2025 final report on security human resources (May 2025); the line
-- numbers are those of its text.
CREATE TABLE programme_reference_figure (
    programme_code  TEXT    NOT NULL REFERENCES programme (code),
    figure          TEXT    NOT NULL CHECK (figure ~ '^[a-z][a-z0-9-]{0,39}$'),
    value           NUMERIC NOT NULL CHECK (value >= 0),
    as_of           DATE    NOT NULL,
    note_ja         TEXT    NOT NULL CHECK (length(note_ja) > 0),
    PRIMARY KEY (programme_code, figure)
);
INSERT INTO programme_reference_figure (programme_code, figure, value, as_of, note_ja) VALUES
-- L127: 「トップガン」人材育成スケール拡大（現状の2倍以上）; L668: applicants grow for the
-- national and next camps while participants stay flat.
('national', 'training-scale-target', 2, DATE '2025-05-01', '育成スケールを現状の2倍以上に（応募は増加、参加者数は横ばい）'),
('next',     'training-scale-target', 2, DATE '2025-05-01', '育成スケールを現状の2倍以上に（応募は増加、参加者数は横ばい）');
-- L699-L700: the alumni to date per programme (全国大会 1,232, ネクストキャンプ 53, ジュニアキャンプ 11),
-- as V2 keeps them on the programme: taken from there, not typed again.
INSERT INTO programme_reference_figure (programme_code, figure, value, as_of, note_ja)
SELECT code, 'completions-to-date', reference_alumni, reference_as_of, '報告書時点の累計修了者数'
  FROM programme WHERE reference_alumni IS NOT NULL;
