-- Recommendations (GET /closers, a diagnosis's gaps) look for open listings in a prefecture
-- offering any of a gap's themes. The two-column GIN index on (prefectures, themes) of V30 did not
-- serve that: at 50,000 cards EXPLAIN ANALYZE showed a sequential scan of the whole table for
-- every request (~60 ms on the 2-core machine, more under concurrency), which held a pooled
-- connection that long; 32 concurrent requests then waited past the pool's acquisition timeout.
--
-- Each card now has match keys "prefecture:theme" (one per pair it offers), indexed only for
-- cards that take inquiries, so the lookup reads exactly the candidates (a few hundred at 50,000
-- cards) and nothing else. The online-across-Japan fallback gets the same "takes inquiries"
-- condition in its partial index; it is only read when a prefecture has too few local matches.
CREATE FUNCTION specialist_match_keys(prefectures TEXT[], themes INTEGER[]) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY(SELECT p || ':' || t::text FROM unnest(prefectures) AS p, unnest(themes) AS t);

CREATE INDEX specialist_card_open_local ON specialist_card
    USING GIN (specialist_match_keys(prefectures, themes))
    WHERE listed AND (availability IS NULL OR availability IN ('ACCEPTING', 'LIMITED'));
CREATE INDEX specialist_card_open_online ON specialist_card USING GIN (themes)
    WHERE listed AND online_nationwide AND (availability IS NULL OR availability IN ('ACCEPTING', 'LIMITED'));

DROP INDEX specialist_card_local_themes;
DROP INDEX specialist_card_online_themes;
