-- the SQL equivalent of the search 'themes-first-free':
-- the first page of 20 in a seeded pseudo-random order (saturated last) and the total.
-- Facet counts are left out, which favours the database.
\set t random(1, 6)
\set t2 random(1, 6)
\set p random(1, 47)
\set ind random(0, 19)
\set seed random(1, 1000000)
SELECT id, registration_number, display_name, display_name_kana, affiliation, company_name,
       prefectures, online_nationwide, themes, industries, formats, first_consultation_free,
       engagement_lengths, qualifications, availability
  FROM listing
 WHERE status = 'PUBLISHED'
   AND themes && ARRAY[:t, :t2] AND first_consultation_free
 ORDER BY (availability = 'NOT_ACCEPTING' OR open_inquiries >= capacity), md5(id::text || :seed)
 LIMIT 20;
SELECT count(*) FROM listing
 WHERE status = 'PUBLISHED'
   AND themes && ARRAY[:t, :t2] AND first_consultation_free;
