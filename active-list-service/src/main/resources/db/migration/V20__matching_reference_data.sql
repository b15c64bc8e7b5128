-- Reference data of inquiries and matching through support bodies (issue 3 §4), served to
-- portals' forms and validated against; new codes are rows, not code.

-- Company size bands (従業員規模) of an SME profile.
CREATE TABLE company_size_band (
    code           TEXT PRIMARY KEY,
    position       INTEGER NOT NULL UNIQUE,
    min_employees  INTEGER NOT NULL,
    max_employees  INTEGER,
    name_ja        TEXT NOT NULL,
    name_en        TEXT NOT NULL
);
INSERT INTO company_size_band (code, position, min_employees, max_employees, name_ja, name_en) VALUES
('1-5', 1, 1, 5, '従業員1～5人', '1 to 5 employees'),
('6-20', 2, 6, 20, '従業員6～20人', '6 to 20 employees'),
('21-50', 3, 21, 50, '従業員21～50人', '21 to 50 employees'),
('51-100', 4, 51, 100, '従業員51～100人', '51 to 100 employees'),
('101-300', 5, 101, 300, '従業員101～300人', '101 to 300 employees'),
('301-', 6, 301, NULL, '従業員301人以上', '301 employees or more');

-- Why a specialist declines an inquiry.
CREATE TABLE inquiry_decline_reason (
    code      TEXT PRIMARY KEY,
    position  INTEGER NOT NULL UNIQUE,
    name_ja   TEXT NOT NULL,
    name_en   TEXT NOT NULL
);
INSERT INTO inquiry_decline_reason (code, position, name_ja, name_en) VALUES
('fully-booked', 1, '現在対応できる余力がない', 'Fully booked at present'),
('outside-expertise', 2, '相談内容が専門外', 'Outside my expertise'),
('outside-region', 3, '支援地域外', 'Outside the regions I serve'),
('schedule', 4, '希望の時期に対応できない', 'Cannot meet the requested timing'),
('conflict-of-interest', 5, '利益相反のおそれ', 'Possible conflict of interest'),
('other', 6, 'その他', 'Other');

-- What follows an individual consultation (個別相談) at a consultation event (seed lines 510-519).
CREATE TABLE consultation_follow_up (
    code      TEXT PRIMARY KEY,
    position  INTEGER NOT NULL UNIQUE,
    name_ja   TEXT NOT NULL,
    name_en   TEXT NOT NULL
);
INSERT INTO consultation_follow_up (code, position, name_ja, name_en) VALUES
('GUIDANCE_ENGAGEMENT', 1, '登録セキスペによる訪問指導', 'On-site guidance by the specialist'),
('FURTHER_CONSULTATION', 2, '追加の個別相談', 'A further individual consultation'),
('SELF_HELP', 3, '実践的方策ガイド等による自主的な取組', 'Self-help with the practical guide'),
('NONE', 4, 'なし', 'None');

-- The standard goal of each of the three visits of on-site guidance per theme (達成目標, seed
-- lines 905-925; DOMAIN.md section A). Offered as defaults when an engagement is created.
-- Theme 6's goals are ours (the seed names the ★3 assessment but no visit goals).
CREATE TABLE theme_visit_goal (
    theme_number  INTEGER NOT NULL REFERENCES guidance_theme (number),
    visit_number  INTEGER NOT NULL CHECK (visit_number BETWEEN 1 AND 3),
    goal_ja       TEXT NOT NULL,
    goal_en       TEXT NOT NULL,
    PRIMARY KEY (theme_number, visit_number)
);
INSERT INTO theme_visit_goal (theme_number, visit_number, goal_ja, goal_en) VALUES
(1, 1, '現状のリスクの把握', 'Identify current risks'),
(1, 2, '基本方針の策定と既存規程の確認', 'Write the basic policy and check existing rules'),
(1, 3, '関連規程の作成', 'Draft the related rules'),
(2, 1, '現状のリスクの把握', 'Identify current risks'),
(2, 2, '情報資産の洗い出し', 'Inventory the information assets'),
(2, 3, '情報資産台帳に基づくリスク分析', 'Risk analysis of the asset list'),
(3, 1, '現状のリスクの把握', 'Identify current risks'),
(3, 2, '利用中・利用予定のクラウドサービスの洗い出し', 'List the cloud services used or planned'),
(3, 3, '各クラウドサービスの安全利用チェック', 'Safe-use check of each cloud service'),
(4, 1, '現状のリスクの把握', 'Identify current risks'),
(4, 2, 'インシデント対応手順の作成', 'Write the incident response procedure'),
(4, 3, '手順に基づく机上訓練の実施', 'Tabletop exercise on the procedure'),
(5, 1, '現状のリスクの把握', 'Identify current risks'),
(5, 2, '従業員向け教育の実施', 'Run the employee training'),
(5, 3, '教育結果の振り返りと継続計画の策定', 'Review the results and plan continued training'),
(6, 1, '★3要求事項に対する現状の把握', 'Establish the current state against the ★3 requirements'),
(6, 2, '要求事項ごとの充足状況の評価', 'Assess each requirement'),
(6, 3, '評価結果の報告と改善計画の策定', 'Report the assessment and plan improvements');
