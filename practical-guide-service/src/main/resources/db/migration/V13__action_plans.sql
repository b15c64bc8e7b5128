-- Action plans (the Plan and Do of the PDCA cycle, issue 14 §5): the gaps of a diagnosis an
-- organisation chose to work on, and its actions with owner, due date and done date.
CREATE TABLE action_plan (
    id               UUID        PRIMARY KEY,
    organisation_id  UUID        NOT NULL REFERENCES organisation (id),
    diagnosis_id     UUID        NOT NULL REFERENCES diagnosis (id),
    gap_codes        TEXT[]      NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    created_by       TEXT        NOT NULL,
    created_role     TEXT        NOT NULL
);
CREATE INDEX action_plan_by_organisation ON action_plan (organisation_id, created_at, id);

CREATE TABLE plan_action (
    id           UUID    PRIMARY KEY,
    plan_id      UUID    NOT NULL REFERENCES action_plan (id),
    position     INTEGER NOT NULL,
    description  TEXT    NOT NULL,
    gap_code     TEXT,
    owner        TEXT    NOT NULL,
    due_on       DATE    NOT NULL,
    done_on      DATE,
    done_by      TEXT,
    done_role    TEXT,
    UNIQUE (plan_id, position)
);
CREATE INDEX plan_action_open ON plan_action (due_on) WHERE done_on IS NULL;

-- The re-diagnosis proposal sent for an organisation's latest diagnosis: at most once each.
CREATE TABLE rediagnosis_reminder (
    diagnosis_id     UUID        PRIMARY KEY REFERENCES diagnosis (id),
    organisation_id  UUID        NOT NULL REFERENCES organisation (id),
    due_on           DATE        NOT NULL,
    sent_at          TIMESTAMPTZ NOT NULL
);
