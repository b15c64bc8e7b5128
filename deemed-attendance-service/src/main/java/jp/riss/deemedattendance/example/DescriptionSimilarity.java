package jp.riss.deemedattendance.example;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * How close a description is to another: the cosine (Ochiai) similarity of the sets of character
 * trigrams of both texts, normalised first.
 *
 * <p>Normalisation: Unicode NFKC (folds full-width Latin letters and digits and half-width kana to
 * their ordinary forms), lower case, katakana folded to hiragana, and every whitespace, punctuation
 * and symbol character removed. Similarity = |A ∩ B| / √(|A| · |B|) over the two trigram sets A and
 * B: 1 for the same text, 0 for texts with no trigram in common. Unlike Jaccard, it is not halved
 * by padding a copied example with as much text again (a copy padded to twice its length still
 * scores about 0.71). Texts shorter than 3 characters after normalisation have no trigrams and are
 * similar to nothing (0).
 */
public final class DescriptionSimilarity {

  private DescriptionSimilarity() {}

  /** The text as compared: NFKC, lower case, kana folded, no whitespace, punctuation or symbols. */
  public static String normalise(String text) {
    String nfkc =
        Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
    StringBuilder out = new StringBuilder(nfkc.length());
    nfkc.codePoints()
        .filter(cp -> !ignored(cp))
        .map(DescriptionSimilarity::foldKana)
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  /** The character trigrams of the normalised text. */
  public static Set<String> trigrams(String text) {
    int[] cps = normalise(text).codePoints().toArray();
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + 3 <= cps.length; i++) {
      grams.add(new String(cps, i, 3));
    }
    return grams;
  }

  /** The similarity of two texts, 0 to 1. */
  public static double similarity(String a, String b) {
    return similarity(trigrams(a), trigrams(b));
  }

  /** The similarity of two trigram sets, 0 to 1. */
  public static double similarity(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    long common = small.stream().filter(large::contains).count();
    return common / Math.sqrt((double) a.size() * b.size());
  }

  /**
   * The SHA-256 (hex) of the normalised text: two descriptions with the same key are the same text
   * up to width, kana, case, whitespace and punctuation.
   */
  public static String key(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(normalise(text).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean ignored(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL,
          Character.CONTROL,
          Character.FORMAT ->
          true;
      default -> false;
    };
  }

  /** Katakana ァ (U+30A1) … ヶ (U+30F6) to the hiragana at the same offset; ヽヾ to ゝゞ. */
  private static int foldKana(int cp) {
    if ((cp >= 0x30A1 && cp <= 0x30F6) || cp == 0x30FD || cp == 0x30FE) {
      return cp - 0x60;
    }
    return cp;
  }
}
