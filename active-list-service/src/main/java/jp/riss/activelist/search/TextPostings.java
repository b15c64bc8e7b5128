package jp.riss.activelist.search;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The text side of the index: sorted slot lists per bigram of each listing's text, and the word
 * match that narrows candidates with them. Not thread-safe: {@link SearchIndex} holds its lock.
 */
final class TextPostings {

  private final Map<Integer, Postings> bigrams = new HashMap<>();

  void add(int slot, int[] listingBigrams) {
    for (int bigram : listingBigrams) {
      bigrams.computeIfAbsent(bigram, b -> new Postings()).add(slot);
    }
  }

  void remove(int slot, int[] listingBigrams) {
    for (int bigram : listingBigrams) {
      Postings postings = bigrams.get(bigram);
      if (postings != null) {
        postings.remove(slot);
        if (postings.size() == 0) {
          bigrams.remove(bigram);
        }
      }
    }
  }

  /**
   * The candidates whose text contains {@code word}: those in the postings of all its bigrams,
   * walking the rarest list or the candidates, whichever is shorter; then, for words longer than
   * one bigram, the text itself (the bigrams could be apart).
   */
  Slots containing(String word, Slots candidates, int slotCount, IntFunction<String> textOf) {
    int[] keys = JapaneseText.bigrams(word);
    Postings[] lists = new Postings[keys.length];
    for (int i = 0; i < keys.length; i++) {
      lists[i] = bigrams.get(keys[i]);
      if (lists[i] == null) {
        return new Slots();
      }
    }
    Arrays.sort(lists, Comparator.comparingInt(Postings::size));
    boolean readText = word.length() > 2;
    Slots found = new Slots(slotCount);
    Postings rarest = lists[0];
    if (candidates.size() < rarest.size()) {
      for (int slot = candidates.next(0); slot >= 0; slot = candidates.next(slot + 1)) {
        if (inAll(lists, 0, slot) && (!readText || textOf.apply(slot).contains(word))) {
          found.add(slot);
        }
      }
      return found;
    }
    for (int i = 0; i < rarest.size(); i++) {
      int slot = rarest.get(i);
      if (candidates.contains(slot)
          && inAll(lists, 1, slot)
          && (!readText || textOf.apply(slot).contains(word))) {
        found.add(slot);
      }
    }
    return found;
  }

  private static boolean inAll(Postings[] lists, int from, int slot) {
    for (int j = from; j < lists.length; j++) {
      if (!lists[j].contains(slot)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code text} has every one of {@code characters}. */
  static boolean containsAll(String text, char[] characters) {
    for (int i = 0; i < characters.length; i++) {
      if (text.indexOf(characters[i]) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Query words of one character, which the bigram index cannot narrow down. */
  static char[] singleCharacters(SearchQuery q) {
    StringBuilder singles = new StringBuilder();
    for (String word : q.words()) {
      if (word.length() == 1) {
        singles.append(word.charAt(0));
      }
    }
    return singles.toString().toCharArray();
  }
}
