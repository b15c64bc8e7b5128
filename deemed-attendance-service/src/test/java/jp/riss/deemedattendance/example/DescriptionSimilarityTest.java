package jp.riss.deemedattendance.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The example-copy measure on both sides of the default threshold 0.6. */
class DescriptionSimilarityTest {

  private static final double THRESHOLD = 0.6;

  private static final String EXAMPLE =
      "従業員約三百名の製造業の企業において、情報セキュリティ委員会の依頼を受け、リスク基準の確立及び維持について"
          + "必要な指導・助言を行った。情報資産の洗い出しを各部門の担当者と共に行い、重要度を評価した。";

  /** {@code n} distinct characters from {@code first} on; trigrams of two such runs never meet. */
  private static String run(int first, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.appendCodePoint(first + i);
    }
    return s.toString();
  }

  @Test
  void anExactCopyIsOne() {
    assertEquals(1.0, DescriptionSimilarity.similarity(EXAMPLE, EXAMPLE), 1e-9);
  }

  @Test
  void widthKanaWhitespaceAndPunctuationChangesDoNotHide_aCopy() {
    String a = "ＡＷＳのアカウント管理を、３名で見直した。ログは ９０日 保管する。";
    String b = "AWSのｱｶｳﾝﾄ管理を3名で見直した ログは90日保管する";
    assertEquals(
        DescriptionSimilarity.normalise(a), DescriptionSimilarity.normalise(b), "same text");
    assertEquals(1.0, DescriptionSimilarity.similarity(a, b), 1e-9);
    String disguised = EXAMPLE.replace("、", " ").replace("。", "．").replace("リスク", "りすく");
    assertTrue(DescriptionSimilarity.similarity(EXAMPLE, disguised) >= 0.99);
    assertEquals(DescriptionSimilarity.key(EXAMPLE), DescriptionSimilarity.key(disguised));
  }

  @Test
  void aGenuinelyDifferentDescriptionIsFarBelow() {
    String own =
        "小売業の顧客企業で、店舗の決済端末と本部の在庫管理サーバの間の通信経路を調査し、古い暗号スイートが有効になって"
            + "いることを発見した。設定変更の手順書を作成し、切替作業に立ち会った。";
    double similarity = DescriptionSimilarity.similarity(EXAMPLE, own);
    assertTrue(similarity < 0.2, "similarity " + similarity);
  }

  /*
   * An example of 42 distinct characters has 40 trigrams. A description of 42 characters whose
   * first k are the example's and the rest new has 40 trigrams, k - 2 of them shared:
   * similarity = (k - 2) / 40.
   */
  private static double copyingFirst(int k) {
    String example = run(0x4E00, 42);
    String description = example.substring(0, k) + run(0x5E00, 42 - k);
    return DescriptionSimilarity.similarity(example, description);
  }

  @Test
  void justBelowTheThreshold() {
    double similarity = copyingFirst(25);
    assertEquals(23 / 40.0, similarity, 1e-9);
    assertTrue(similarity < THRESHOLD);
  }

  @Test
  void atTheThresholdCounts() {
    assertEquals(THRESHOLD, copyingFirst(26), 1e-9);
  }

  @Test
  void justAboveTheThreshold() {
    double similarity = copyingFirst(27);
    assertEquals(25 / 40.0, similarity, 1e-9);
    assertTrue(similarity >= THRESHOLD);
  }

  @Test
  void paddingACopyWithAsMuchTextAgainStaysAbove() {
    String padded = EXAMPLE + run(0x5E00, EXAMPLE.length());
    assertTrue(DescriptionSimilarity.similarity(EXAMPLE, padded) >= THRESHOLD);
  }

  @Test
  void textsWithoutTrigramsAreSimilarToNothing() {
    assertEquals(0, DescriptionSimilarity.similarity("ab", "ab"), 0);
    assertEquals(0, DescriptionSimilarity.similarity("、。！", EXAMPLE), 0);
  }
}
