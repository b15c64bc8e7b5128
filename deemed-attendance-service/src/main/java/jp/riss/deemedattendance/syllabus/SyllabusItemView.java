package jp.riss.deemedattendance.syllabus;

/** A syllabus sub-item as lists show it. */
public record SyllabusItemView(
    String code, int area, String areaName, String name, boolean shaded) {

  static SyllabusItemView of(SyllabusItem item) {
    return new SyllabusItemView(
        item.code, item.area.number, item.area.nameJa, item.nameJa, item.shaded);
  }
}
