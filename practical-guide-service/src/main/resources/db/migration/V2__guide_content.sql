-- The guide as versioned content (issue 13). Every element of a version is one row keyed by a
-- stable key (e.g. step2.measure.basic-policy); a new version starts as a copy of its base, so a
-- published version never changes and older versions stay readable. ja is authoritative; en
-- carries its own state (missing / draft / reviewed) and falls back to ja when missing.
CREATE TABLE guide_version (
    code          TEXT        PRIMARY KEY,
    title_ja      TEXT        NOT NULL,
    title_en      TEXT        NOT NULL,
    state         TEXT        NOT NULL CHECK (state IN ('draft', 'review', 'published', 'retired')),
    based_on      TEXT        REFERENCES guide_version (code),
    revision      BIGINT      NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    created_by    TEXT        NOT NULL,
    submitted_at  TIMESTAMPTZ,
    submitted_by  TEXT,
    approved_at   TIMESTAMPTZ,
    approved_by   TEXT,
    published_at  TIMESTAMPTZ,
    published_by  TEXT,
    retired_at    TIMESTAMPTZ
);
-- Exactly one published (current) version at a time.
CREATE UNIQUE INDEX guide_version_one_current ON guide_version ((true)) WHERE state = 'published';

CREATE TABLE guide_element (
    version_code   TEXT        NOT NULL REFERENCES guide_version (code),
    key            TEXT        NOT NULL,
    kind           TEXT        NOT NULL,
    step           SMALLINT    CHECK (step BETWEEN 1 AND 4),
    parent_key     TEXT,
    position       INTEGER     NOT NULL,
    seed_line      INTEGER,
    in_house_only  BOOLEAN     NOT NULL DEFAULT false,
    attrs          JSONB       NOT NULL DEFAULT '{}',
    ja_title       TEXT,
    ja_text        TEXT        NOT NULL,
    en_title       TEXT,
    en_text        TEXT,
    en_state       TEXT        NOT NULL CHECK (en_state IN ('missing', 'draft', 'reviewed')),
    revision       BIGINT      NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    updated_by     TEXT        NOT NULL,
    PRIMARY KEY (version_code, key),
    CHECK (en_state = 'missing' OR en_text IS NOT NULL)
);
CREATE INDEX guide_element_by_step ON guide_element (version_code, step, position);

-- Who changed what in a draft, and when (the element rows keep only the latest state).
CREATE TABLE guide_edit (
    id            BIGSERIAL   PRIMARY KEY,
    version_code  TEXT        NOT NULL REFERENCES guide_version (code),
    element_key   TEXT,
    action        TEXT        NOT NULL,
    fields        TEXT[]      NOT NULL DEFAULT '{}',
    edited_by     TEXT        NOT NULL,
    edited_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX guide_edit_by_version ON guide_edit (version_code, id);

-- The addresses the guide cites. Not versioned: a link is checked and corrected in place, and
-- every version refers to resources by number. A row is never deleted by the link checker.
CREATE TABLE guide_resource (
    number           INTEGER     PRIMARY KEY CHECK (number BETWEEN 1 AND 9999),
    footnote         INTEGER,
    label_ja         TEXT        NOT NULL,
    label_en         TEXT        NOT NULL,
    publisher        TEXT        NOT NULL,
    kind             TEXT        NOT NULL,
    steps            SMALLINT[]  NOT NULL,
    cited_line       INTEGER,
    url_line         INTEGER,
    url              TEXT,
    link_state       TEXT        NOT NULL,
    last_checked_at  TIMESTAMPTZ,
    last_status      INTEGER,
    final_url        TEXT,
    last_error       TEXT,
    last_duration_ms INTEGER,
    revision         BIGINT      NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    updated_by       TEXT        NOT NULL
);

CREATE TABLE link_check_run (
    id            UUID        PRIMARY KEY,
    trigger       TEXT        NOT NULL CHECK (trigger IN ('schedule', 'on-demand')),
    requested_by  TEXT,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    planned       INTEGER     NOT NULL
);
-- Only one run at a time (over all replicas).
CREATE UNIQUE INDEX link_check_run_one_open ON link_check_run ((true)) WHERE finished_at IS NULL;

CREATE TABLE link_check_result (
    run_id           UUID        NOT NULL REFERENCES link_check_run (id),
    resource_number  INTEGER     NOT NULL REFERENCES guide_resource (number),
    url              TEXT        NOT NULL,
    link_state       TEXT        NOT NULL,
    status           INTEGER,
    final_url        TEXT,
    redirects        INTEGER     NOT NULL,
    error            TEXT,
    checked_at       TIMESTAMPTZ NOT NULL,
    duration_ms      INTEGER     NOT NULL,
    PRIMARY KEY (run_id, resource_number)
);
