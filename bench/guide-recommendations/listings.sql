-- :n published listings (default run: 50,000) straight into the guide's read model, as if the
-- Active List had sent them. Prefectures 01-46 only, so a listing published in 47 during the lag
-- measurement is the only local match there. Deterministic; removed again by the run script
-- (registration numbers start with 'bench-').
INSERT INTO specialist_card (listing_id, registration_number, display_name, prefectures, themes,
    listed, source_version, updated_at, online_nationwide, first_consultation_free, availability,
    verified, source_revision)
SELECT md5('bench-reco-' || i)::uuid,
       'bench-' || i,
       '計測 ' || i,
       ARRAY(SELECT DISTINCT p FROM unnest(ARRAY[lpad((1 + i % 46)::text, 2, '0'),
                                                 lpad((1 + (i * 7) % 46)::text, 2, '0')]) p ORDER BY p),
       ARRAY(SELECT DISTINCT t FROM unnest(ARRAY[1 + i % 6, 1 + (i / 6) % 6]) t ORDER BY t),
       true, 1, now(), i % 5 = 0, i % 2 = 0,
       (ARRAY['ACCEPTING', 'ACCEPTING', 'ACCEPTING', 'LIMITED', 'NOT_ACCEPTING', 'AT_CAPACITY'])[1 + i % 6],
       '{}', 1
  FROM generate_series(1, :n) AS i;
ANALYZE specialist_card;
