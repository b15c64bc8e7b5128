-- 50,000 published listings (or :n) with varied, realistic-looking declarations, generated in
-- one statement. Deterministic: the same n gives the same rows.
INSERT INTO listing (
    id, owner_subject, registration_number, display_name, display_name_kana, prefectures, themes,
    status, version, created_at, updated_at, published_at, reconfirmed_at, affiliation,
    company_name, side_work_basis, online_nationwide, engagement_lengths,
    first_consultation_free, formats, syllabus_items, industries, qualifications,
    other_qualifications, self_introduction, track_records, availability, capacity, declared_at,
    open_inquiries)
SELECT md5('bench-listing-' || i)::uuid,
       'bench-owner-' || i,
       lpad(i::text, 6, '0'),
       (ARRAY['佐藤','鈴木','高橋','田中','伊藤','渡辺','山本','中村','小林','加藤'])[1 + i % 10]
         || ' ' || (ARRAY['太郎','花子','一郎','美咲','健','陽子','翔','愛'])[1 + (i / 10) % 8],
       (ARRAY['さとう','すずき','たかはし','たなか','いとう','わたなべ','やまもと','なかむら','こばやし','かとう'])[1 + i % 10]
         || ' ' || (ARRAY['たろう','はなこ','いちろう','みさき','けん','ようこ','しょう','あい'])[1 + (i / 10) % 8],
       ARRAY(SELECT DISTINCT p FROM unnest(ARRAY[lpad((1 + i % 47)::text, 2, '0'),
                                                 lpad((1 + (i * 7) % 47)::text, 2, '0')]) p ORDER BY p),
       ARRAY(SELECT DISTINCT t FROM unnest(ARRAY[1 + i % 6, 1 + (i / 6) % 6]) t ORDER BY t),
       'PUBLISHED', 1, now(), now() - (i % 1000) * interval '1 minute', now(), now(),
       CASE WHEN i % 3 = 0 THEN 'COMPANY' ELSE 'INDEPENDENT' END,
       CASE WHEN i % 3 = 0 THEN '株式会社セキュア' || (i % 100) END,
       CASE WHEN i % 3 = 0 THEN 'SIDE_WORK_PERMITTED' END,
       i % 5 = 0,
       ARRAY[(ARRAY['spot','1-3-months','3-6-months','6-12-months','over-1-year'])[1 + i % 5]],
       i % 2 = 0,
       jsonb_build_array(
         jsonb_build_object('format', 'on-site', 'feePerSessionJpy', 10000 + (i % 10) * 5000),
         jsonb_build_object('format', 'online', 'feePerSessionJpy', 5000 + (i % 8) * 5000)),
       '{}',
       -- Industry in blocks of four consecutive rows, so every industry has every inquiry load.
       ARRAY[chr(65 + (i / 4) % 20)],
       CASE WHEN i % 4 = 0 THEN ARRAY['it-coordinator'] ELSE '{}'::text[] END,
       '{}',
       (ARRAY['情報セキュリティ規程の整備を支援します。','クラウドサービスの安全利用について助言します。',
              'インシデント対応の体制づくりを支援します。','従業員向けのセキュリティ教育を行います。',
              'リスク分析と情報資産の洗い出しを支援します。','サプライチェーン対策の評価に取り組んでいます。'])[1 + i % 6]
         || (ARRAY['中小製造業での支援経験が豊富です。','ITコーディネータとして経営と IT の橋渡しをしてきました。',
                   '小売業のネットショップの安全対策を多数手がけました。','医療機関のネットワーク監視を担当しました。',
                   '建設業の現場端末の管理を改善しました。'])[1 + (i / 6) % 5],
       jsonb_build_array(jsonb_build_object(
         'title', (ARRAY['製造業A社の規程整備','小売B社のクラウド移行','病院Cのログ監視導入','建設D社の教育計画'])[1 + i % 4],
         'description', '現状の調査から改善計画の作成、運用定着までを支援した。',
         'year', 2020 + i % 5)),
       CASE WHEN i % 20 = 0 THEN 'NOT_ACCEPTING' ELSE 'ACCEPTING' END,
       3, '{}', i % 4
  FROM generate_series(1, :n) AS i;
CREATE INDEX IF NOT EXISTS bench_listing_themes ON listing USING gin (themes);
CREATE INDEX IF NOT EXISTS bench_listing_prefectures ON listing USING gin (prefectures);
CREATE INDEX IF NOT EXISTS bench_listing_industries ON listing USING gin (industries);
ANALYZE listing;
