-- Organisations that diagnose themselves with the guide (issue 14 §2), the support bodies they
-- let act for them, and who did what. The name is private: only the owner and consented support
-- bodies read it, and no event carries it.

-- Reference data the organisation's facts are checked against (JIS X 0401 prefecture codes,
-- JSIC divisions, employee bands as the Active List counts them).
CREATE TABLE prefecture (
    code     TEXT PRIMARY KEY CHECK (code ~ '^[0-9]{2}$')
);
INSERT INTO prefecture (code) SELECT lpad(n::text, 2, '0') FROM generate_series(1, 47) AS n;

CREATE TABLE jsic_division (
    code     TEXT PRIMARY KEY CHECK (code ~ '^[A-T]$')
);
INSERT INTO jsic_division (code) SELECT chr(n) FROM generate_series(ascii('A'), ascii('T')) AS n;

CREATE TABLE employee_band (
    code           TEXT PRIMARY KEY,
    position       INTEGER NOT NULL UNIQUE,
    min_employees  INTEGER NOT NULL,
    max_employees  INTEGER
);
INSERT INTO employee_band (code, position, min_employees, max_employees) VALUES
('1-5', 1, 1, 5),
('6-20', 2, 6, 20),
('21-50', 3, 21, 50),
('51-100', 4, 51, 100),
('101-300', 5, 101, 300),
('301-', 6, 301, NULL);

CREATE TABLE organisation (
    id                  UUID        PRIMARY KEY,
    owner_subject       TEXT        NOT NULL,
    name                TEXT        NOT NULL,
    prefecture          TEXT        NOT NULL REFERENCES prefecture (code),
    jsic_division       TEXT        NOT NULL REFERENCES jsic_division (code),
    employee_band       TEXT        NOT NULL REFERENCES employee_band (code),
    concurrent_staff    INTEGER     NOT NULL CHECK (concurrent_staff BETWEEN 0 AND 999),
    dedicated_staff     INTEGER     NOT NULL CHECK (dedicated_staff BETWEEN 0 AND 999),
    statistics_consent  BOOLEAN     NOT NULL,
    revision            BIGINT      NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX organisation_by_owner ON organisation (owner_subject, created_at, id);

-- A support body (its token subject) may act for the organisation while a grant is not revoked.
CREATE TABLE organisation_consent (
    organisation_id       UUID        NOT NULL REFERENCES organisation (id),
    support_body_subject  TEXT        NOT NULL,
    granted_at            TIMESTAMPTZ NOT NULL,
    granted_by            TEXT        NOT NULL,
    revoked_at            TIMESTAMPTZ,
    revoked_by            TEXT,
    PRIMARY KEY (organisation_id, support_body_subject, granted_at)
);
CREATE UNIQUE INDEX organisation_consent_standing
    ON organisation_consent (organisation_id, support_body_subject) WHERE revoked_at IS NULL;
CREATE INDEX organisation_consent_by_body
    ON organisation_consent (support_body_subject) WHERE revoked_at IS NULL;

-- Every act on an organisation, with who acted and in which role.
CREATE TABLE organisation_act (
    id               BIGSERIAL   PRIMARY KEY,
    organisation_id  UUID        NOT NULL REFERENCES organisation (id),
    acted_at         TIMESTAMPTZ NOT NULL,
    actor_subject    TEXT        NOT NULL,
    actor_role       TEXT        NOT NULL,
    action           TEXT        NOT NULL,
    target           TEXT
);
CREATE INDEX organisation_act_by_organisation ON organisation_act (organisation_id, id);
