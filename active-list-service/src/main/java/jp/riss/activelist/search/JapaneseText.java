package jp.riss.activelist.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Folds Japanese text so that what a user types matches what a specialist wrote: NFKC (full- and
 * half-width forms, ①→1), lower case, katakana to hiragana, and no white space (Japanese writes
 * without spaces, so "情報 太郎" and "情報太郎" are the same name). Matching is then a plain substring test
 * over the folded text, narrowed first by the bigrams both sides share.
 */
public final class JapaneseText {

  /** Separates the fields of a listing's text so no match spans two of them. */
  public static final char FIELD_SEPARATOR = '\u0001';

  private JapaneseText() {}

  public static String fold(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder folded = new StringBuilder(nfkc.length());
    for (int i = 0; i < nfkc.length(); i++) {
      char c = nfkc.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        continue;
      }
      // ァ (U+30A1) … ヶ (U+30F6) sit exactly 0x60 above their hiragana.
      folded.append(c >= '\u30A1' && c <= '\u30F6' ? (char) (c - 0x60) : c);
    }
    return folded.toString();
  }

  /** The folded fields joined with {@link #FIELD_SEPARATOR}, blank ones left out. */
  public static String foldFields(List<String> fields) {
    StringBuilder joined = new StringBuilder();
    for (String field : fields) {
      String folded = fold(field);
      if (!folded.isEmpty()) {
        joined.append(folded).append(FIELD_SEPARATOR);
      }
    }
    return joined.toString();
  }

  /**
   * The words of a query, each folded: white space (of any width) separates words that must all
   * match; empty words are dropped.
   */
  public static List<String> words(String query) {
    List<String> words = new ArrayList<>();
    if (query == null) {
      return words;
    }
    String nfkc = Normalizer.normalize(query, Normalizer.Form.NFKC);
    for (String word : nfkc.split("[\\s\\p{Z}]+")) {
      String folded = fold(word);
      if (!folded.isEmpty() && !words.contains(folded)) {
        words.add(folded);
      }
    }
    return words;
  }

  /** Two adjacent chars as one int key; the text's bigrams never span a field separator. */
  public static int bigram(char first, char second) {
    return (first << 16) | second;
  }

  /** The distinct bigram keys of a folded text. */
  public static int[] bigrams(String folded) {
    java.util.Set<Integer> keys = new java.util.HashSet<>();
    for (int i = 0; i + 1 < folded.length(); i++) {
      char a = folded.charAt(i);
      char b = folded.charAt(i + 1);
      if (a != FIELD_SEPARATOR && b != FIELD_SEPARATOR) {
        keys.add(bigram(a, b));
      }
    }
    return keys.stream().mapToInt(Integer::intValue).toArray();
  }
}
