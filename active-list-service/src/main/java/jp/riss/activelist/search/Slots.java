package jp.riss.activelist.search;

import java.util.Arrays;

/**
 * A growable set of index slots (a bitset). Unlike {@link java.util.BitSet} it counts an
 * intersection without allocating, which is what a facet count over the whole result set is.
 */
final class Slots {

  private long[] words;

  Slots() {
    this(64);
  }

  Slots(int capacity) {
    words = new long[Math.max(1, (capacity + 63) >>> 6)];
  }

  private Slots(long[] words) {
    this.words = words;
  }

  Slots copy() {
    return new Slots(words.clone());
  }

  void add(int slot) {
    int word = slot >>> 6;
    if (word >= words.length) {
      words = Arrays.copyOf(words, Math.max(word + 1, words.length * 2));
    }
    words[word] |= 1L << slot;
  }

  void remove(int slot) {
    int word = slot >>> 6;
    if (word < words.length) {
      words[word] &= ~(1L << slot);
    }
  }

  boolean contains(int slot) {
    int word = slot >>> 6;
    return word < words.length && (words[word] & (1L << slot)) != 0;
  }

  /** Keeps only the slots also in {@code other}. */
  void retain(Slots other) {
    int common = Math.min(words.length, other.words.length);
    for (int i = 0; i < common; i++) {
      words[i] &= other.words[i];
    }
    Arrays.fill(words, common, words.length, 0L);
  }

  /** Drops the slots that are in {@code other}. */
  void removeAll(Slots other) {
    int common = Math.min(words.length, other.words.length);
    for (int i = 0; i < common; i++) {
      words[i] &= ~other.words[i];
    }
  }

  /**
   * The bits themselves, for loops over every member: walking the words beats calling {@link #next}
   * per slot when a search visits tens of thousands. Read only.
   */
  long[] words() {
    return words;
  }

  /** Adds every slot of {@code other}. */
  void addAll(Slots other) {
    if (other.words.length > words.length) {
      words = Arrays.copyOf(words, other.words.length);
    }
    for (int i = 0; i < other.words.length; i++) {
      words[i] |= other.words[i];
    }
  }

  int size() {
    int count = 0;
    for (long word : words) {
      count += Long.bitCount(word);
    }
    return count;
  }

  int countCommon(Slots other) {
    int common = Math.min(words.length, other.words.length);
    int count = 0;
    for (int i = 0; i < common; i++) {
      count += Long.bitCount(words[i] & other.words[i]);
    }
    return count;
  }

  /** The first slot at or after {@code from}, or -1. */
  int next(int from) {
    int word = from >>> 6;
    if (word >= words.length) {
      return -1;
    }
    long bits = words[word] & (-1L << from);
    while (true) {
      if (bits != 0) {
        return (word << 6) + Long.numberOfTrailingZeros(bits);
      }
      if (++word == words.length) {
        return -1;
      }
      bits = words[word];
    }
  }
}
