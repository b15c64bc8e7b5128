-- Surveys (アンケート): questions, audience, window, anonymous or named. One response per member.
-- For an anonymous survey nothing ties an answer to a person: survey_participation records only
-- THAT a member answered (to allow one response each) and holds no answer, no response id and no
-- time; survey_response of an anonymous survey has no person and no time either. Named surveys
-- keep the person on the response. Results leave the service as aggregates only.

CREATE TABLE survey (
    id                     UUID        PRIMARY KEY,
    title                  TEXT        NOT NULL,
    description            TEXT,
    anonymous              BOOLEAN     NOT NULL,
    opens_at               TIMESTAMPTZ NOT NULL,
    closes_at              TIMESTAMPTZ NOT NULL CHECK (closes_at > opens_at),
    audience_programmes    TEXT[]      NOT NULL DEFAULT '{}',
    audience_year_from     INTEGER     CHECK (audience_year_from BETWEEN 2000 AND 2100),
    audience_year_to       INTEGER     CHECK (audience_year_to BETWEEN 2000 AND 2100),
    audience_min_age_band  TEXT        NOT NULL CHECK (audience_min_age_band IN ('child', 'junior', 'teen', 'adult')),
    version                BIGINT      NOT NULL DEFAULT 0,
    created_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX survey_by_window ON survey (opens_at, id);

CREATE TABLE survey_question (
    survey_id  UUID    NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL CHECK (position BETWEEN 1 AND 50),
    kind       TEXT    NOT NULL CHECK (kind IN ('single-choice', 'multiple-choice', 'scale', 'free-text')),
    text       TEXT    NOT NULL,
    options    TEXT[]  NOT NULL DEFAULT '{}',
    required   BOOLEAN NOT NULL,
    PRIMARY KEY (survey_id, position)
);

CREATE TABLE survey_participation (
    survey_id  UUID NOT NULL REFERENCES survey (id),
    person_id  UUID NOT NULL REFERENCES person (id),
    PRIMARY KEY (survey_id, person_id)
);

CREATE TABLE survey_response (
    id         UUID PRIMARY KEY,
    survey_id  UUID NOT NULL REFERENCES survey (id),
    -- Set for named surveys only.
    person_id  UUID REFERENCES person (id)
);
CREATE INDEX survey_response_by_survey ON survey_response (survey_id);

CREATE TABLE survey_answer (
    response_id  UUID      NOT NULL REFERENCES survey_response (id) ON DELETE CASCADE,
    position     INTEGER   NOT NULL,
    choices      INTEGER[] NOT NULL DEFAULT '{}',
    scale        INTEGER   CHECK (scale BETWEEN 1 AND 5),
    text         TEXT,
    PRIMARY KEY (response_id, position)
);

-- A workshop may name the survey whose results gave it its topic.
ALTER TABLE community_event ADD COLUMN topic_survey_id UUID REFERENCES survey (id);
