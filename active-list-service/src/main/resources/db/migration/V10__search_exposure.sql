-- Search exposure (issue 3 §3): where in search results each listing was shown, so the ranking
-- can damp listings that were shown at the top a lot recently (inquiries must not pile up on the
-- same people, seed lines 626, 1062) and IPA can report how evenly exposure is spread.

-- Result positions are counted in buckets, not one by one. The bucket starting at position 1 is
-- "the top" that exposure damping and the top-N Gini look at.
CREATE TABLE search_position_bucket (
    code            TEXT PRIMARY KEY,
    first_position  INTEGER NOT NULL UNIQUE CHECK (first_position >= 1),
    last_position   INTEGER CHECK (last_position IS NULL OR last_position >= first_position),
    name_ja         TEXT NOT NULL,
    name_en         TEXT NOT NULL
);
INSERT INTO search_position_bucket (code, first_position, last_position, name_ja, name_en) VALUES
('top-3', 1, 3, '上位3件', 'Top 3'),
('4-10', 4, 10, '4～10位', 'Positions 4 to 10'),
('11-20', 11, 20, '11～20位', 'Positions 11 to 20'),
('21-100', 21, 100, '21～100位', 'Positions 21 to 100'),
('over-100', 101, NULL, '101位以下', 'Position 101 or later');

-- Aggregated counters per listing x position bucket x hour, flushed in batches by each replica
-- (never one row per search or per visitor: nothing here says who searched).
CREATE TABLE listing_impression (
    listing_id  UUID        NOT NULL,
    bucket      TEXT        NOT NULL REFERENCES search_position_bucket (code),
    hour        TIMESTAMPTZ NOT NULL, -- start of a UTC hour
    count       BIGINT      NOT NULL CHECK (count >= 0),
    PRIMARY KEY (listing_id, bucket, hour)
);
CREATE INDEX listing_impression_by_hour ON listing_impression (hour, bucket);

-- The search index catches up on changes other replicas committed by updated_at.
CREATE INDEX listing_updated_at ON listing (updated_at);
