package jp.riss.activelist.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a user types matches what a specialist wrote, whatever the width, case or kana. */
class JapaneseTextTest {

  @Test
  void foldsWidthCaseAndKanaAndDropsSpaces() {
    assertEquals("じょうほうたろう", JapaneseText.fold("ジョウホウ　タロウ"));
    assertEquals("じょうほうたろう", JapaneseText.fold("ｼﾞｮｳﾎｳ ﾀﾛｳ"));
    assertEquals("cissp", JapaneseText.fold("ＣＩＳＳＰ"));
    assertEquals("itこーでぃねーた", JapaneseText.fold("ITコーディネータ"));
  }

  @Test
  void partialWordsAreSubstringsOfTheFoldedText() {
    String text = JapaneseText.foldFields(List.of("情報セキュリティ規程の整備", "ＩＳＭＳ審査員補"));
    assertTrue(text.contains(JapaneseText.fold("規程")));
    assertTrue(text.contains(JapaneseText.fold("isms")));
    assertTrue(text.contains(JapaneseText.fold("せきゅりてぃ")));
  }

  @Test
  void queryWordsAreSplitOnAnyWidthOfSpace() {
    assertEquals(List.of("規程", "せきゅりてぃ"), JapaneseText.words(" 規程　セキュリティ 規程 "));
    assertEquals(List.of(), JapaneseText.words("　 "));
  }

  @Test
  void bigramsNeverSpanTwoFields() {
    String text = JapaneseText.foldFields(List.of("あい", "うえ"));
    assertEquals(2, JapaneseText.bigrams(text).length);
  }
}
