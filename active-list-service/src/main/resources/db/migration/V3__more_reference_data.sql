-- Reference data for the rest of the list design (seed lines 960-975): industries, engagement
-- lengths, consultation formats, other qualifications, and the exam syllabus sub-items that
-- "other work with track record" is expressed in. Portals build their forms from these.

-- JSIC (日本標準産業分類) divisions. The seed's examples map onto them: 製造業/自動車産業 -> E,
-- 建設業 -> D, 金融業 -> J, 小売業/卸売業 -> I.
CREATE TABLE industry_division (
    code     TEXT PRIMARY KEY CHECK (code ~ '^[A-T]$'),
    name_ja  TEXT NOT NULL,
    name_en  TEXT NOT NULL
);
INSERT INTO industry_division (code, name_ja, name_en) VALUES
('A', '農業，林業', 'Agriculture and forestry'),
('B', '漁業', 'Fisheries'),
('C', '鉱業，採石業，砂利採取業', 'Mining and quarrying of stone and gravel'),
('D', '建設業', 'Construction'),
('E', '製造業', 'Manufacturing'),
('F', '電気・ガス・熱供給・水道業', 'Electricity, gas, heat supply and water'),
('G', '情報通信業', 'Information and communications'),
('H', '運輸業，郵便業', 'Transport and postal activities'),
('I', '卸売業，小売業', 'Wholesale and retail trade'),
('J', '金融業，保険業', 'Finance and insurance'),
('K', '不動産業，物品賃貸業', 'Real estate and goods rental and leasing'),
('L', '学術研究，専門・技術サービス業', 'Scientific research, professional and technical services'),
('M', '宿泊業，飲食サービス業', 'Accommodations, eating and drinking services'),
('N', '生活関連サービス業，娯楽業', 'Living-related and personal services and amusement services'),
('O', '教育，学習支援業', 'Education, learning support'),
('P', '医療，福祉', 'Medical, health care and welfare'),
('Q', '複合サービス事業', 'Compound services'),
('R', 'サービス業（他に分類されないもの）', 'Services, not elsewhere classified'),
('S', '公務（他に分類されるものを除く）', 'Government, except elsewhere classified'),
('T', '分類不能の産業', 'Industries unable to classify');

-- 支援可能期間
CREATE TABLE engagement_length (
    code      TEXT PRIMARY KEY,
    position  INTEGER NOT NULL UNIQUE,
    name_ja   TEXT NOT NULL,
    name_en   TEXT NOT NULL
);
INSERT INTO engagement_length (code, position, name_ja, name_en) VALUES
('spot', 1, 'スポット', 'Spot'),
('1-3-months', 2, '1～3か月', '1 to 3 months'),
('3-6-months', 3, '3か月～半年', '3 to 6 months'),
('6-12-months', 4, '半年～1年', '6 months to 1 year'),
('over-1-year', 5, '1年以上', '1 year or more');

-- 支援可能形態 (each offered with a fee per session in JPY)
CREATE TABLE consultation_format (
    code      TEXT PRIMARY KEY,
    position  INTEGER NOT NULL UNIQUE,
    name_ja   TEXT NOT NULL,
    name_en   TEXT NOT NULL
);
INSERT INTO consultation_format (code, position, name_ja, name_en) VALUES
('on-site', 1, '訪問コンサルティング', 'On-site consulting'),
('online', 2, 'オンラインコンサルティング', 'Online consulting'),
('lecture', 3, '講習・研修', 'Lecture or training'),
('product-selection', 4, 'セキュリティ製品の選定・導入支援', 'Security product selection and introduction');

-- 他資格: the seed's examples; a listing may add free text for anything not here.
CREATE TABLE qualification (
    code      TEXT PRIMARY KEY,
    position  INTEGER NOT NULL UNIQUE,
    name_ja   TEXT NOT NULL,
    name_en   TEXT NOT NULL
);
INSERT INTO qualification (code, position, name_ja, name_en) VALUES
('it-coordinator', 1, 'ITコーディネータ', 'IT Coordinator'),
('sme-consultant', 2, '中小企業診断士', 'Registered SME management consultant'),
('cissp', 3, 'CISSP', 'CISSP'),
('tax-accountant', 4, '税理士', 'Certified public tax accountant'),
('security-auditor', 5, '公認情報セキュリティ監査人', 'Certified information security auditor'),
('cpa', 6, '公認会計士', 'Certified public accountant');

-- 支援士試験シラバス sub-items: "other work with track record" (支援実績のある業務) is stated in them.
-- Same codes and names as the deemed-attendance service's copy; each service owns its own.
CREATE TABLE syllabus_item (
    code     TEXT PRIMARY KEY CHECK (code ~ '^[1-4]-[0-9]{1,2}$'),
    area     INTEGER NOT NULL CHECK (area BETWEEN 1 AND 4),
    number   INTEGER NOT NULL,
    name_ja  TEXT NOT NULL,
    UNIQUE (area, number)
);
INSERT INTO syllabus_item (code, area, number, name_ja) VALUES
('1-1', 1, 1, '情報セキュリティ方針の策定'),
('1-2', 1, 2, '情報セキュリティリスクアセスメント'),
('1-3', 1, 3, '情報セキュリティリスク対応'),
('1-4', 1, 4, '情報セキュリティ諸規程の策定'),
('1-5', 1, 5, '情報セキュリティ監査'),
('1-6', 1, 6, '情報セキュリティに関する動向・事例の収集と分析'),
('1-7', 1, 7, '関係者とのコミュニケーション'),
('2-1', 2, 1, '企画・要件定義（セキュリティの観点）'),
('2-2', 2, 2, '製品・サービスのセキュアな導入'),
('2-3', 2, 3, 'アーキテクチャの設計（セキュリティの観点）'),
('2-4', 2, 4, 'セキュリティ機能の設計・実装'),
('2-5', 2, 5, 'セキュアプログラミング'),
('2-6', 2, 6, 'セキュリティテスト'),
('2-7', 2, 7, '運用・保守（セキュリティの観点）'),
('2-8', 2, 8, '開発環境のセキュリティ確保'),
('3-1', 3, 1, '暗号利用及び鍵管理'),
('3-2', 3, 2, 'マルウェア対策'),
('3-3', 3, 3, 'バックアップ'),
('3-4', 3, 4, 'セキュリティ監視並びにログの取得及び分析'),
('3-5', 3, 5, 'ネットワーク及び機器のセキュリティ管理'),
('3-6', 3, 6, '脆弱性への対応'),
('3-7', 3, 7, '物理的及び環境的セキュリティ管理'),
('3-8', 3, 8, 'アカウント管理及びアクセス管理'),
('3-9', 3, 9, '人的管理'),
('3-10', 3, 10, 'サプライチェーンの情報セキュリティの推進'),
('3-11', 3, 11, 'コンプライアンス管理'),
('4-1', 4, 1, '情報セキュリティインシデントの管理体制の構築'),
('4-2', 4, 2, '情報セキュリティ事象の評価'),
('4-3', 4, 3, '情報セキュリティインシデントへの対応'),
('4-4', 4, 4, '証拠の収集及び分析');
