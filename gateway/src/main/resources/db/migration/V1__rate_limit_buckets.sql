-- The shared rate-limit buckets (README "Rate limits"): one row per client that has recently been
-- counted, on any gateway replica. Replicas never count a request here; they lease a few tokens at
-- a time (rate_limit_lease) and serve requests from the lease in memory.
--
-- The client key is the SHA-256 of the gateway's key ("subject:…" or "address:…"), so the table
-- holds no token subject or address in clear.
--
-- A bucket is stored as the one instant at which it is full again (full_at_us: microseconds since
-- the epoch on THIS database's clock, the one clock every replica shares; the replicas' own clocks
-- never enter the arithmetic, so a replica whose clock is off cannot hand out extra tokens). A row
-- whose instant has passed is exactly a full bucket, i.e. the same as no row: the cleanup deletes
-- those rows and loses nothing.
--
-- UNLOGGED: no WAL for a row written several times a second per busy client. After a crash or a
-- fail-over the table is empty, which means every client's bucket is full again: at most one extra
-- burst per client, once, rather than write amplification on every lease.
CREATE UNLOGGED TABLE rate_limit_bucket (
    client_key bytea PRIMARY KEY CHECK (octet_length(client_key) = 32),
    full_at_us bigint NOT NULL,
    -- Tokens the last lease handed out, and when (database clock): what rate_limit_lease returns.
    granted integer NOT NULL CHECK (granted >= 0),
    touched_us bigint NOT NULL
);

-- The cleanup deletes by the instant a bucket is full again.
CREATE INDEX rate_limit_bucket_full_at ON rate_limit_bucket (full_at_us);

-- Leases up to p_want tokens of the client's bucket, atomically (one statement; concurrent
-- replicas queue on the row lock), and returns how many it got (0 when the bucket is empty) and
-- the bucket's debt afterwards: microseconds until it is full again.
--   p_interval_us  time for one token to come back (1 / requests-per-second)
--   p_capacity_us  p_interval_us * burst: time for an empty bucket to fill up
-- A client seen for the first time (no row, or a row the cleanup removed) starts with a full bucket.
CREATE FUNCTION rate_limit_lease(p_key bytea, p_want integer, p_interval_us bigint, p_capacity_us bigint)
    RETURNS TABLE (leased integer, debt_us bigint)
    LANGUAGE sql VOLATILE
AS $$
    INSERT INTO rate_limit_bucket AS b (client_key, full_at_us, granted, touched_us)
    SELECT p_key,
           now_us + least(p_want, p_capacity_us / p_interval_us) * p_interval_us,
           least(p_want, p_capacity_us / p_interval_us),
           now_us
      FROM (SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint AS now_us) AS clock
    ON CONFLICT (client_key) DO UPDATE SET
        granted = least(p_want,
                        greatest(0, (p_capacity_us - greatest(0, b.full_at_us - excluded.touched_us))
                                    / p_interval_us)),
        full_at_us = greatest(b.full_at_us, excluded.touched_us)
                     + p_interval_us * least(p_want,
                           greatest(0, (p_capacity_us - greatest(0, b.full_at_us - excluded.touched_us))
                                       / p_interval_us)),
        touched_us = excluded.touched_us
    RETURNING b.granted, b.full_at_us - b.touched_us
$$;
