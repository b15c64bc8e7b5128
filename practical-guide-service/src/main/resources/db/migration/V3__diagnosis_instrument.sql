-- Self-diagnosis instruments (issue 14, first part): our own items, answer scale, result bands
-- and the Step placement rules that read them, as one versioned document per instrument version.
-- A version is imported once and never changed (diagnoses will refer to it); a new wording is a
-- new version.
CREATE TABLE diagnosis_instrument (
    code         TEXT        NOT NULL,
    version      TEXT        NOT NULL,
    document     JSONB       NOT NULL,
    imported_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (code, version)
);
