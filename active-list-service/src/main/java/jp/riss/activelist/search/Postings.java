package jp.riss.activelist.search;

import java.util.Arrays;

/** The slots whose text contains one bigram, kept sorted so membership is a binary search. */
final class Postings {

  private int[] slots = new int[4];
  private int size;

  void add(int slot) {
    int at = Arrays.binarySearch(slots, 0, size, slot);
    if (at >= 0) {
      return;
    }
    int insert = -at - 1;
    if (size == slots.length) {
      slots = Arrays.copyOf(slots, size * 2);
    }
    System.arraycopy(slots, insert, slots, insert + 1, size - insert);
    slots[insert] = slot;
    size++;
  }

  void remove(int slot) {
    int at = Arrays.binarySearch(slots, 0, size, slot);
    if (at >= 0) {
      System.arraycopy(slots, at + 1, slots, at, size - at - 1);
      size--;
    }
  }

  boolean contains(int slot) {
    return Arrays.binarySearch(slots, 0, size, slot) >= 0;
  }

  int size() {
    return size;
  }

  int get(int i) {
    return slots[i];
  }
}
