package jp.riss.guide.diagnosis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.riss.platform.problem.Problem;

/**
 * What an instrument version an editor drafts must satisfy, every fault named at once with its JSON
 * path: bounded texts and lists, unique ids, items in declared parts, conditions over declared
 * facts, exits over existing items, and an item map whose ids exist on both sides.
 */
final class InstrumentRules {

  static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,38}[a-z0-9]");
  static final Pattern ITEM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,9}");
  static final Pattern ANSWER = Pattern.compile("[a-z][a-z-]{0,19}");
  static final Pattern FACT = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,39}");
  static final Pattern BAND = Pattern.compile("[a-z0-9][a-z0-9-]{0,19}");
  static final Pattern GAP = Pattern.compile("[a-z0-9][a-z0-9-]{0,58}[a-z0-9]");
  static final Pattern KEY = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");
  static final Set<String> PARTS = Set.of("basics", "employees", "organisation");
  static final Set<String> EN_STATES = Set.of("missing", "draft", "reviewed");

  private final List<Problem.Violation> v = new ArrayList<>();

  private InstrumentRules() {}

  /**
   * @param previous the version {@code i.previous()} names, when it exists and is published
   */
  static List<Problem.Violation> check(Instrument i, Instrument previous) {
    InstrumentRules r = new InstrumentRules();
    r.run(i, previous);
    return r.v;
  }

  private void run(Instrument i, Instrument previous) {
    text("about", i.about(), 0, 1000);
    if (i.version() == null || !CODE.matcher(i.version()).matches()) {
      add("version", "must be 3 to 40 characters a-z, 0-9 and -");
    }
    title(i.title());
    Set<String> parts =
        labelled("parts", i.parts(), 1, 3, PARTS::contains, "basics, employees or organisation");
    scale(i.scale());
    Set<String> facts =
        labelled(
            "facts",
            i.facts(),
            0,
            50,
            c -> FACT.matcher(c).matches(),
            "a letter then up to 39 letters or digits");
    bands(i.bands());
    Set<String> items = items(i.items(), parts, facts);
    placement(i.placement(), items);
    lineage(i, items, previous);
  }

  private void title(Map<String, String> title) {
    if (title == null) {
      add("title", "is required with ja (and en)");
      return;
    }
    text("title.ja", title.get("ja"), 1, 200);
    text("title.en", title.get("en"), 0, 200);
    title.keySet().stream()
        .filter(k -> !"ja".equals(k) && !"en".equals(k))
        .forEach(k -> add("title", "has only ja and en"));
  }

  private Set<String> labelled(
      String field,
      List<Instrument.Labelled> list,
      int min,
      int max,
      java.util.function.Predicate<String> code,
      String codeRule) {
    Set<String> codes = new HashSet<>();
    if (!size(field, list, min, max)) {
      return codes;
    }
    for (int n = 0; n < list.size(); n++) {
      Instrument.Labelled l = list.get(n);
      String at = field + "[" + n + "]";
      if (l == null) {
        add(at, "is required");
        continue;
      }
      if (l.code() == null || !code.test(l.code())) {
        add(at + ".code", "must be " + codeRule);
      } else if (!codes.add(l.code())) {
        add(at + ".code", "is given twice");
      }
      text(at + ".ja", l.ja(), 1, 200);
      text(at + ".en", l.en(), 0, 200);
    }
    return codes;
  }

  private void scale(List<Instrument.Answer> scale) {
    if (!size("scale", scale, 2, 10)) {
      return;
    }
    Set<String> answers = new HashSet<>();
    for (int n = 0; n < scale.size(); n++) {
      Instrument.Answer a = scale.get(n);
      String at = "scale[" + n + "]";
      if (a == null) {
        add(at, "is required");
        continue;
      }
      if (a.answer() == null
          || !ANSWER.matcher(a.answer()).matches()
          || Instrument.NOT_APPLICABLE.equals(a.answer())) {
        add(at + ".answer", "must be 1 to 20 of a-z and -, not not-applicable");
      } else if (!answers.add(a.answer())) {
        add(at + ".answer", "is given twice");
      }
      if (a.points() < -10 || a.points() > 10) {
        add(at + ".points", "must be from -10 to 10");
      }
      text(at + ".ja", a.ja(), 1, 100);
      text(at + ".en", a.en(), 0, 100);
    }
  }

  private void bands(List<Instrument.Band> bands) {
    if (!size("bands", bands, 1, 10)) {
      return;
    }
    Set<String> codes = new HashSet<>();
    for (int n = 0; n < bands.size(); n++) {
      Instrument.Band b = bands.get(n);
      String at = "bands[" + n + "]";
      if (b == null) {
        add(at, "is required");
        continue;
      }
      if (b.code() == null || !BAND.matcher(b.code()).matches()) {
        add(at + ".code", "must be 1 to 20 of a-z, 0-9 and -");
      } else if (!codes.add(b.code())) {
        add(at + ".code", "is given twice");
      }
      if (b.fromPercent() < -100 || b.fromPercent() > 100) {
        add(at + ".fromPercent", "must be from -100 to 100");
      }
      if (b.toPercent() < -100 || b.toPercent() > 100 || b.toPercent() < b.fromPercent()) {
        add(at + ".toPercent", "must be from fromPercent to 100");
      }
      text(at + ".ja", b.ja(), 1, 200);
      text(at + ".en", b.en(), 0, 200);
    }
  }

  private Set<String> items(List<Instrument.Item> items, Set<String> parts, Set<String> facts) {
    Set<String> ids = new HashSet<>();
    if (!size("items", items, 1, 200)) {
      return ids;
    }
    for (int n = 0; n < items.size(); n++) {
      Instrument.Item item = items.get(n);
      String at = "items[" + n + "]";
      if (item == null) {
        add(at, "is required");
        continue;
      }
      if (item.id() == null || !ITEM_ID.matcher(item.id()).matches()) {
        add(at + ".id", "must be 1 to 10 of a-z, 0-9 and -");
      } else if (!ids.add(item.id())) {
        add(at + ".id", "is given twice");
      }
      if (item.part() == null || !parts.contains(item.part())) {
        add(at + ".part", "must be one of the version's parts");
      }
      if (item.step() < 1 || item.step() > 4) {
        add(at + ".step", "must be a Step from 1 to 4");
      }
      if (size(at + ".measureKeys", item.measureKeys(), 0, 20)) {
        for (int k = 0; k < item.measureKeys().size(); k++) {
          String key = item.measureKeys().get(k);
          if (key == null || key.length() > 100 || !KEY.matcher(key).matches()) {
            add(at + ".measureKeys[" + k + "]", "must be a guide element key");
          }
        }
      }
      if (item.gapCode() == null || !GAP.matcher(item.gapCode()).matches()) {
        add(at + ".gapCode", "must be 2 to 60 of a-z, 0-9 and -");
      }
      if (item.ja() == null) {
        add(at + ".ja", "is required");
      } else {
        text(at + ".ja.text", item.ja().text(), 1, 1000);
        text(at + ".ja.help", item.ja().help(), 0, 1000);
      }
      if (item.en() != null) {
        if (item.en().state() == null || !EN_STATES.contains(item.en().state())) {
          add(at + ".en.state", "must be missing, draft or reviewed");
        }
        text(at + ".en.text", item.en().text(), "missing".equals(item.en().state()) ? 0 : 1, 1000);
        text(at + ".en.help", item.en().help(), 0, 1000);
      }
      if (item.applicableIf() != null
          && (item.applicableIf().fact() == null || !facts.contains(item.applicableIf().fact()))) {
        add(at + ".applicableIf.fact", "must be one of the version's facts");
      }
    }
    return ids;
  }

  private void placement(Instrument.Placement p, Set<String> items) {
    if (p == null) {
      add("placement", "is required");
      return;
    }
    if (p.version() == null || !CODE.matcher(p.version()).matches()) {
      add("placement.version", "must be 3 to 40 characters a-z, 0-9 and -");
    }
    text("placement.about", p.about(), 0, 1000);
    if (!size("placement.exits", p.exits(), 0, 3)) {
      return;
    }
    Set<Integer> steps = new HashSet<>();
    for (int n = 0; n < p.exits().size(); n++) {
      Instrument.Exit e = p.exits().get(n);
      String at = "placement.exits[" + n + "]";
      if (e == null) {
        add(at, "is required");
        continue;
      }
      if (e.step() < 1 || e.step() > 3 || !steps.add(e.step())) {
        add(at + ".step", "must be a different Step from 1 to 3 (Step 4 has no exit)");
      }
      if (size(at + ".allYes", e.allYes(), 0, 200)) {
        for (int k = 0; k < e.allYes().size(); k++) {
          if (!items.contains(e.allYes().get(k))) {
            add(at + ".allYes[" + k + "]", "must be an item of this version");
          }
        }
      }
      if (e.minConcurrentStaff() < 0 || e.minConcurrentStaff() > 1000) {
        add(at + ".minConcurrentStaff", "must be from 0 to 1000");
      }
      if (e.minDedicatedStaff() < 0 || e.minDedicatedStaff() > 1000) {
        add(at + ".minDedicatedStaff", "must be from 0 to 1000");
      }
    }
  }

  private void lineage(Instrument i, Set<String> items, Instrument previous) {
    Instrument.Lineage l = i.previous();
    if (l == null) {
      return;
    }
    if (l.version() == null || !CODE.matcher(l.version()).matches() || previous == null) {
      add("previous.version", "must name a published version of this instrument");
      return;
    }
    if (l.version().equals(i.version())) {
      add("previous.version", "must be another version");
    }
    if (l.itemMap() == null || l.itemMap().size() > 200) {
      add("previous.itemMap", "is required, with at most 200 entries");
      return;
    }
    Set<String> mapped = new HashSet<>();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(l.itemMap()).entrySet()) {
      String at = "previous.itemMap." + (ITEM_ID.matcher(e.getKey()).matches() ? e.getKey() : "?");
      if (!items.contains(e.getKey())) {
        add(at, "must be keyed by an item of this version");
      } else if (e.getValue() == null || previous.item(e.getValue()).isEmpty()) {
        add(at, "must name an item of version " + previous.version());
      } else if (!mapped.add(e.getValue())) {
        add(at, "maps onto an item another entry maps onto");
      }
    }
  }

  private boolean size(String field, List<?> list, int min, int max) {
    if (list == null) {
      if (min > 0) {
        add(field, "is required");
      }
      return false;
    }
    if (list.size() < min || list.size() > max) {
      add(field, "must have " + min + " to " + max + " entries");
      return false;
    }
    return true;
  }

  private void text(String field, String value, int min, int max) {
    if (value == null ? min > 0 : value.length() > max || value.strip().length() < min) {
      add(field, (min > 0 ? "is required, " : "must be ") + "at most " + max + " characters");
    }
  }

  private void add(String field, String message) {
    v.add(new Problem.Violation(field, message));
  }
}
