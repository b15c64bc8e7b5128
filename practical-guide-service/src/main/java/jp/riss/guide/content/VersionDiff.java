package jp.riss.guide.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What changed from one version to another, element by element (by key). */
public final class VersionDiff {

  /** One element that was added, removed or changed, with the fields that differ. */
  public record Change(String key, String change, List<String> fields) {}

  /** The diff as the API answers it. */
  public record View(
      String from, String to, int added, int changed, int removed, List<Change> items) {}

  private VersionDiff() {}

  public static View between(String fromCode, List<Element> from, String toCode, List<Element> to) {
    Map<String, Element> before = new LinkedHashMap<>();
    from.forEach(e -> before.put(e.key(), e));
    List<Change> items = new ArrayList<>();
    int added = 0;
    int changed = 0;
    Map<String, Element> after = new LinkedHashMap<>();
    for (Element e : to) {
      after.put(e.key(), e);
      Element old = before.get(e.key());
      if (old == null) {
        items.add(new Change(e.key(), "added", List.of()));
        added++;
      } else {
        List<String> fields = fields(old, e);
        if (!fields.isEmpty()) {
          items.add(new Change(e.key(), "changed", fields));
          changed++;
        }
      }
    }
    int removed = 0;
    for (Element e : from) {
      if (!after.containsKey(e.key())) {
        items.add(new Change(e.key(), "removed", List.of()));
        removed++;
      }
    }
    return new View(fromCode, toCode, added, changed, removed, items);
  }

  private static List<String> fields(Element a, Element b) {
    List<String> f = new ArrayList<>();
    diff(f, "kind", a.kind(), b.kind());
    diff(f, "step", a.step(), b.step());
    diff(f, "parent", a.parent(), b.parent());
    diff(f, "order", a.order(), b.order());
    diff(f, "seedLine", a.seedLine(), b.seedLine());
    diff(f, "inHouseOnly", a.inHouseOnly(), b.inHouseOnly());
    diff(f, "attrs", a.attrs(), b.attrs());
    diff(f, "ja.title", a.ja().title(), b.ja().title());
    diff(f, "ja.text", a.ja().text(), b.ja().text());
    diff(f, "en.state", a.en().state(), b.en().state());
    diff(f, "en.title", a.en().title(), b.en().title());
    diff(f, "en.text", a.en().text(), b.en().text());
    return f;
  }

  private static void diff(List<String> fields, String name, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      fields.add(name);
    }
  }
}
