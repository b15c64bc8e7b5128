-- Completion certificates (修了証明): issued to a member for one of their verified completions, with
-- a verification code a university can check. Only the code's SHA-256 is kept; the public check
-- joins the completion, so a completion the camp office no longer verifies stops verifying.
CREATE TABLE completion_certificate (
    id             UUID        PRIMARY KEY,
    completion_id  UUID        NOT NULL REFERENCES completion (id),
    person_id      UUID        NOT NULL REFERENCES person (id),
    code_hash      TEXT        NOT NULL UNIQUE,
    issued_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX completion_certificate_by_person ON completion_certificate (person_id);
