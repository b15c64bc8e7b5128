package jp.riss.deemedattendance.syllabus;

import java.util.List;

/** One syllabus sub-item with the guidance themes mapped to it. */
public record SyllabusItemDetail(
    String code, int area, String areaName, String name, boolean shaded, List<Integer> themes) {

  static SyllabusItemDetail of(SyllabusItem item) {
    return new SyllabusItemDetail(
        item.code,
        item.area.number,
        item.area.nameJa,
        item.nameJa,
        item.shaded,
        item.themes.stream().sorted().toList());
  }
}
