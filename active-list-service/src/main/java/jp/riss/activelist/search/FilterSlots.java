package jp.riss.activelist.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** For one filter (theme, prefecture, …): the slots of the listings that have each value. */
final class FilterSlots {

  private final Map<String, Slots> byValue = new HashMap<>();

  void add(int slot, List<String> values) {
    for (String value : values) {
      byValue.computeIfAbsent(value, v -> new Slots()).add(slot);
    }
  }

  void remove(int slot, List<String> values) {
    for (String value : values) {
      Slots slots = byValue.get(value);
      if (slots != null) {
        slots.remove(slot);
      }
    }
  }

  /** The listings with {@code value} (empty when none has it). */
  Slots of(String value) {
    Slots slots = byValue.get(value);
    return slots == null ? new Slots() : slots;
  }

  boolean has(int slot, String value) {
    Slots slots = byValue.get(value);
    return slots != null && slots.contains(slot);
  }

  /** The listings with any of {@code values}, plus {@code also} when given. */
  Slots anyOf(List<String> values, Slots also) {
    Slots union = also == null ? new Slots() : also.copy();
    for (String value : values) {
      Slots slots = byValue.get(value);
      if (slots != null) {
        union.addAll(slots);
      }
    }
    return union;
  }

  /** Per value of {@code codes}, in their order: how many of {@code result} have it. */
  List<Facets.Count> counts(List<String> codes, Slots result) {
    return codes.stream()
        .map(
            code -> {
              Slots slots = byValue.get(code);
              return new Facets.Count(code, slots == null ? 0 : slots.countCommon(result));
            })
        .toList();
  }
}
