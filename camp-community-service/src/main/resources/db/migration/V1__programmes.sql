-- Security Camp (セキュリティ・キャンプ) programmes whose alumni form the community.
-- Source: the seed report, part II (lines 660-860); see DOMAIN.md section C.
-- Years are Japanese fiscal years (年度, April-March), as the seed states them.

CREATE TABLE programme (
    code            TEXT    PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{0,39}$'),
    display_order   INTEGER NOT NULL UNIQUE,
    name_ja         TEXT    NOT NULL CHECK (length(name_ja) > 0),
    name_en         TEXT    NOT NULL CHECK (length(name_en) > 0),
    -- Age limit of participants, where the seed states one (null: none stated).
    max_age         INTEGER CHECK (max_age BETWEEN 1 AND 99),
    -- Fiscal year first held (null: not stated in the seed).
    since_fy        INTEGER CHECK (since_fy BETWEEN 2000 AND 2100),
    description_ja  TEXT    NOT NULL CHECK (length(description_ja) > 0)
);

-- Alumni counts are as of the report (May 2025) and belong in descriptions, not in numbers
-- that would go stale; the community will count its own members.
INSERT INTO programme (code, display_order, name_ja, name_en, max_age, since_fy, description_ja) VALUES
('national', 1, 'セキュリティ・キャンプ全国大会', 'Security Camp National Camp', 22, 2004,
 '選抜された22歳以下の学生・生徒に、最新ノウハウを含むセキュリティ技術を倫理面と併せて第一線の技術者が伝授する。2004年度の開始から累計1,232名が修了（2025年5月時点）。'),
('next', 2, 'セキュリティ・ネクストキャンプ', 'Security Next Camp', 25, 2019,
 '全国大会修了生の次のステップとして、選抜された25歳以下の学生・生徒等から、情報セキュリティの多様な場面で新たな価値を生み出すトップオブトップの人材（フルスタック・エンジニア）を発掘・育成する。累計53名が修了（2025年5月時点）。'),
('junior', 3, 'セキュリティ・ジュニアキャンプ', 'Security Junior Camp', 15, 2023,
 '全国大会の一部ゼミとして開催していたジュニアゼミを、15歳以下の生徒を対象とするキャンプとして独立させたもの。累計11名が修了（2025年5月時点）。'),
-- The seed gives neither an age limit nor a first year for mini camps: both stay null.
('mini', 4, 'セキュリティ・ミニキャンプ', 'Security Mini Camp', NULL, NULL,
 '年間を通じて各地で開催する地域のキャンプ。修了生が地元で講師やチューターとして参加し、聴講もできる。'),
-- No age limit is stated: it targets students of 高専, university specialist courses and
-- graduate schools who have top-level knowledge of a field other than security.
('connect', 5, 'セキュリティ・キャンプ コネクト', 'Security Camp Connect', NULL, 2025,
 'サイバーセキュリティの知見と、それ以外の特定の専門領域の知見をトップレベルで併有する人材を育成する新たなキャンプ。高等専門学校・大学の専門課程・大学院の在籍者が中心。令和7年度はプレ開催（15名程度）と本開催（2026年3月、50名程度）の2段階。ゼミ形式でグループワークを重視し、倫理等の共通講義を設け、受講生は複数のテーマから一つを選ぶ。');

-- Fields other than security that a programme pairs with it (today only Camp Connect's).
-- The seed names these as examples along three axes (industry, technology, social science;
-- lines ~737 and ~756), and says the themes are chosen with industry and reviewed over time:
-- they are rows, to be changed by migration or, later, by the camp office.
CREATE TABLE programme_theme_area (
    programme_code  TEXT    NOT NULL REFERENCES programme (code),
    code            TEXT    NOT NULL CHECK (code ~ '^[a-z][a-z0-9-]{0,39}$'),
    display_order   INTEGER NOT NULL,
    axis            TEXT    NOT NULL CHECK (axis IN ('industry', 'technology', 'social-science')),
    name_ja         TEXT    NOT NULL CHECK (length(name_ja) > 0),
    name_en         TEXT    NOT NULL CHECK (length(name_en) > 0),
    PRIMARY KEY (programme_code, code),
    UNIQUE (programme_code, display_order)
);
INSERT INTO programme_theme_area (programme_code, code, display_order, axis, name_ja, name_en) VALUES
('connect', 'ai',              1, 'technology',     'AI',         'AI'),
('connect', 'automotive',      2, 'industry',       '自動車',     'Automotive'),
('connect', 'space',           3, 'industry',       '宇宙',       'Space'),
('connect', 'power',           4, 'industry',       '電力',       'Power'),
('connect', 'iot',             5, 'technology',     'IoT',        'IoT'),
('connect', 'quantum',         6, 'technology',     '量子コンピュータ', 'Quantum computing'),
('connect', 'social-sciences', 7, 'social-science', '社会科学',   'Social sciences');
