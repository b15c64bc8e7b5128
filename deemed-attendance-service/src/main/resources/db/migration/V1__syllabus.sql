-- The exam syllabus (情報処理安全確保支援士試験シラバス) that experience entries claimed for
-- deemed attendance (みなし受講) are mapped to, and the guidance themes that pre-fill them.
-- Source: the seed report, table "情報処理安全確保支援士試験シラバスの大項目及び小項目" (around
-- line 1514) for names, and "指導テーマと情報処理安全確保支援士試験シラバスの関係" (lines 905-925)
-- for the theme mapping. Names are the seed's full official ones; DOMAIN.md abbreviates them
-- (e.g. "方針の策定" for "情報セキュリティ方針の策定"), and where the two differ the seed wins.

-- 大項目: the four areas.
CREATE TABLE syllabus_area (
    number   INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 99),
    name_ja  TEXT    NOT NULL CHECK (length(name_ja) > 0)
);
INSERT INTO syllabus_area (number, name_ja) VALUES
(1, '情報セキュリティマネジメントの推進又は支援に関すること'),
(2, '情報システムの企画・設計・開発・運用でのセキュリティ確保の推進又は支援に関すること'),
(3, '情報及び情報システムの利用におけるセキュリティ対策の適用の推進又は支援に関すること'),
(4, '情報セキュリティインシデント管理の推進又は支援に関すること');

-- 小項目: the sub-items, coded "<area>-<number>". Order numerically by (area, number), never by
-- code ("3-10" must follow "3-9").
--
-- shaded (網掛け): the seed says a specified course covering only shaded sub-items is not enough
-- and must be combined with other sub-items (募集要項), and the same will hold for claims of
-- practical experience. Which sub-items are shaded is NOT legible in the seed (the shading is
-- lost in its text form), so every row starts false and IPA administrators set the flag.
CREATE TABLE syllabus_item (
    code     TEXT    PRIMARY KEY CHECK (code ~ '^[0-9]{1,2}-[0-9]{1,2}$'),
    area     INTEGER NOT NULL REFERENCES syllabus_area (number),
    number   INTEGER NOT NULL CHECK (number BETWEEN 1 AND 99),
    name_ja  TEXT    NOT NULL CHECK (length(name_ja) > 0),
    shaded   BOOLEAN NOT NULL DEFAULT false,
    UNIQUE (area, number),
    CHECK (code = area::text || '-' || number::text)
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

-- Guidance theme (指導テーマ) -> the sub-items a guidance engagement on it exercises. When the
-- Active List reports a completed engagement, these pre-fill the specialist's experience entry.
-- Theme numbers are the Active List's (it owns the themes); no foreign key across services.
--
-- Theme 6 (サプライチェーン対策評価制度★3 assessment, from FY2025) has no rows yet: the seed maps
-- only themes 1-5, which were designed against the syllabus in the FY2023 supplementary-budget
-- pilot, while the ★3 theme's guidance manual is still being written in the FY2025 programme
-- (seed lines 1026, 1223). Add its rows by migration once IPA publishes the mapping.
CREATE TABLE theme_syllabus_item (
    theme      INTEGER NOT NULL CHECK (theme BETWEEN 1 AND 99),
    item_code  TEXT    NOT NULL REFERENCES syllabus_item (code),
    PRIMARY KEY (theme, item_code)
);
CREATE INDEX theme_syllabus_item_by_item ON theme_syllabus_item (item_code);
INSERT INTO theme_syllabus_item (theme, item_code) VALUES
-- ① 情報セキュリティ規程の整備
(1, '1-1'), (1, '1-4'), (1, '1-6'), (1, '3-1'), (1, '3-2'), (1, '3-6'), (1, '3-9'), (1, '3-11'),
(1, '4-1'),
-- ② 情報資産の洗い出しとリスク分析
(2, '1-2'), (2, '1-3'), (2, '1-6'),
-- ③ クラウドサービスの安全利用
(3, '1-4'), (3, '1-6'), (3, '2-2'), (3, '3-3'), (3, '3-8'),
-- ④ セキュリティインシデント対応 (the seed's theme table abbreviates 3-7 as 物理的セキュリティ管理)
(4, '1-6'), (4, '3-2'), (4, '3-4'), (4, '3-7'), (4, '4-1'), (4, '4-2'), (4, '4-3'), (4, '4-4'),
-- ⑤ 従業員向け情報セキュリティ教育
(5, '1-6'), (5, '2-7'), (5, '3-9'), (5, '4-3');
