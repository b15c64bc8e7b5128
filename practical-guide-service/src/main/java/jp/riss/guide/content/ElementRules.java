package jp.riss.guide.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.riss.platform.problem.Problem;

/**
 * What a well-formed element is, for the content files and for editors alike: known kind, a Step
 * where the kind needs one, the attributes its kind uses and no others, and every text within its
 * bound. The bounds here are the ones the contract states.
 */
public final class ElementRules {

  public static final Pattern KEY = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");
  public static final int KEY_MAX = 100;
  public static final int TITLE_MAX = 200;
  public static final int TEXT_MAX = 4000;
  public static final int RESOURCES_MAX = 20;

  /** Kinds that belong to a Step and must name it. */
  public static final Set<String> STEP_KINDS =
      Set.of(
          "step-name",
          "step-purpose",
          "staffing-headline",
          "overview-measures",
          "overview-people",
          "overview-remark",
          "measure",
          "measure-item",
          "note",
          "task",
          "task-point",
          "people-guidance",
          "people-measure",
          "people-tip",
          "exam",
          "scheme-relation");

  /** Kinds that stand outside any Step (a case may name one or not). */
  public static final Set<String> OTHER_KINDS =
      Set.of("intro", "box", "message", "support-offer", "glossary", "case");

  public static final Set<String> PEOPLE_KINDS =
      Set.of("internal-staffing", "external-people", "learning-content", "exam", "community");
  public static final Set<String> SIDES = Set.of("internal", "external");
  public static final Set<String> BANDS = Set.of("concurrent-only", "concurrent-or-dedicated");
  public static final Set<String> EXAM_CODES = Set.of("ip", "sg", "au", "riss");
  public static final Set<String> OFFER_KINDS =
      Set.of(
          "otasuketai",
          "riss",
          "consultation-desk",
          "support-body",
          "presenter",
          "community",
          "security-service",
          "training-programme",
          "lawyer",
          "auditor",
          "info-sharing");
  public static final Set<String> SIZE_BANDS = Set.of("micro", "small", "medium");
  public static final Set<String> EN_STATES = Set.of("missing", "draft", "reviewed");

  private static final Pattern HANDBOOK_PAGE = Pattern.compile("p[0-9]{1,3}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final Pattern JSIC_DIVISION = Pattern.compile("[A-T]");
  private static final Set<String> ANY_KIND_ATTRS = Set.of("resources", "handbookPage", "source");

  /** The attributes each kind may carry besides {@link #ANY_KIND_ATTRS}; {@code *} = required. */
  private static final Map<String, List<String>> KIND_ATTRS =
      Map.ofEntries(
          Map.entry("staffing-headline", List.of("band*", "bandSeedLine")),
          Map.entry("measure-item", List.of("fivePoint")),
          Map.entry("task", List.of("side*")),
          Map.entry("task-point", List.of("side*")),
          Map.entry("people-measure", List.of("peopleKind*", "examCode")),
          Map.entry("exam", List.of("code*")),
          Map.entry("scheme-relation", List.of("scheme*", "level*", "relation*")),
          Map.entry("support-offer", List.of("offerKind*")),
          Map.entry("glossary", List.of("ownDefinition")),
          Map.entry("case", List.of("jsicDivision*", "sizeBand*")));

  /** Kinds that hang under another element of the same version. */
  public static final Set<String> CHILD_KINDS = Set.of("measure-item", "task-point", "people-tip");

  private final List<Problem.Violation> violations = new ArrayList<>();

  private ElementRules() {}

  /** Checks a whole element (a new one, or one from a content file). */
  public static List<Problem.Violation> check(ElementData e) {
    ElementRules r = new ElementRules();
    r.key("key", e.key());
    String kind = e.kind();
    if (kind == null) {
      r.add("kind", "is required");
    } else if (!STEP_KINDS.contains(kind) && !OTHER_KINDS.contains(kind)) {
      r.add("kind", "must be one of the element kinds of the contract");
    }
    if (e.step() != null && (e.step() < 1 || e.step() > 4)) {
      r.add("step", "must be 1, 2, 3 or 4");
    }
    if (kind != null && STEP_KINDS.contains(kind) && e.step() == null) {
      r.add("step", "is required for kind " + kind);
    }
    if (kind != null && OTHER_KINDS.contains(kind) && !"case".equals(kind) && e.step() != null) {
      r.add("step", "must be absent for kind " + kind);
    }
    if (e.parent() != null) {
      r.key("parent", e.parent());
    } else if (kind != null && CHILD_KINDS.contains(kind)) {
      r.add("parent", "is required for kind " + kind);
    }
    r.range("seedLine", e.seedLine(), 1, 99_999);
    r.range("order", e.order(), 1, 9_999);
    if (e.ja() == null) {
      r.add("ja", "is required");
    } else {
      r.texts("ja", e.ja().title(), e.ja().text(), true);
    }
    if (e.en() != null) {
      r.en(e.en());
    }
    r.attrs(kind, e.attrs() == null ? Attrs.NONE : e.attrs());
    return r.violations;
  }

  /** Checks the fields an editor changes on an existing element of the given kind. */
  public static List<Problem.Violation> checkPatch(String kind, ElementPatch p) {
    ElementRules r = new ElementRules();
    if (p.ja() != null) {
      r.texts("ja", p.ja().title(), p.ja().text(), true);
    }
    if (p.en() != null) {
      r.en(p.en());
    }
    r.range("order", p.order(), 1, 9_999);
    if (p.attrs() != null) {
      r.attrs(kind, p.attrs());
    }
    if (p.ja() == null
        && p.en() == null
        && p.order() == null
        && p.attrs() == null
        && p.inHouseOnly() == null) {
      r.add("body", "must change at least one of ja, en, order, inHouseOnly, attrs");
    }
    return r.violations;
  }

  private void en(Element.EnText en) {
    if (en.state() == null || !EN_STATES.contains(en.state())) {
      add("en.state", "must be missing, draft or reviewed");
    }
    boolean missing = "missing".equals(en.state());
    if (missing && (en.text() != null || en.title() != null)) {
      add("en.text", "must be absent when en.state is missing");
    }
    if (!missing) {
      texts("en", en.title(), en.text(), en.state() != null);
    }
  }

  private void texts(String lang, String title, String text, boolean textRequired) {
    if (title != null) {
      string(lang + ".title", title, TITLE_MAX);
    }
    if (text == null || text.isBlank()) {
      if (textRequired) {
        add(lang + ".text", "is required");
      }
    } else {
      string(lang + ".text", text, TEXT_MAX);
    }
  }

  private void attrs(String kind, Attrs a) {
    List<String> allowed = kind == null ? List.of() : KIND_ATTRS.getOrDefault(kind, List.of());
    Map<String, Object> given = new java.util.LinkedHashMap<>();
    given.put("side", a.side());
    given.put("peopleKind", a.peopleKind());
    given.put("band", a.band());
    given.put("bandSeedLine", a.bandSeedLine());
    given.put("resources", a.resources());
    given.put("examCode", a.examCode());
    given.put("handbookPage", a.handbookPage());
    given.put("fivePoint", a.fivePoint());
    given.put("code", a.code());
    given.put("scheme", a.scheme());
    given.put("level", a.level());
    given.put("relation", a.relation());
    given.put("offerKind", a.offerKind());
    given.put("ownDefinition", a.ownDefinition());
    given.put("source", a.source());
    given.put("jsicDivision", a.jsicDivision());
    given.put("sizeBand", a.sizeBand());
    for (Map.Entry<String, Object> g : given.entrySet()) {
      String name = g.getKey();
      boolean permitted =
          ANY_KIND_ATTRS.contains(name) || allowed.contains(name) || allowed.contains(name + "*");
      if (g.getValue() != null && !permitted && kind != null) {
        add("attrs." + name, "is not used by kind " + kind);
      }
      if (g.getValue() == null && allowed.contains(name + "*")) {
        add("attrs." + name, "is required for kind " + kind);
      }
    }
    oneOf("attrs.side", a.side(), SIDES);
    oneOf("attrs.peopleKind", a.peopleKind(), PEOPLE_KINDS);
    oneOf("attrs.band", a.band(), BANDS);
    oneOf("attrs.examCode", a.examCode(), EXAM_CODES);
    oneOf("attrs.code", a.code(), EXAM_CODES);
    oneOf("attrs.offerKind", a.offerKind(), OFFER_KINDS);
    oneOf("attrs.sizeBand", a.sizeBand(), SIZE_BANDS);
    oneOf("attrs.relation", a.relation(), Set.of("related"));
    range("attrs.bandSeedLine", a.bandSeedLine(), 1, 99_999);
    range("attrs.fivePoint", a.fivePoint(), 1, 5);
    if (a.resources() != null) {
      if (a.resources().size() > RESOURCES_MAX) {
        add("attrs.resources", "must have at most " + RESOURCES_MAX + " items");
      }
      for (int i = 0; i < a.resources().size(); i++) {
        Integer n = a.resources().get(i);
        if (n == null || n < 1 || n > 9_999) {
          add("attrs.resources[" + i + "]", "must be a resource number from 1 to 9999");
        }
      }
    }
    pattern("attrs.handbookPage", a.handbookPage(), HANDBOOK_PAGE, 4, "such as p25");
    pattern("attrs.scheme", a.scheme(), SLUG, 40, "in lower-case words joined by hyphens");
    pattern("attrs.jsicDivision", a.jsicDivision(), JSIC_DIVISION, 1, "a JSIC division A to T");
    if (a.level() != null) {
      string("attrs.level", a.level(), 10);
    }
    if (a.source() != null) {
      string("attrs.source", a.source(), TITLE_MAX);
    }
  }

  private void key(String field, String key) {
    if (key == null) {
      add(field, "is required");
    } else if (key.length() > KEY_MAX || !KEY.matcher(key).matches()) {
      add(field, "must be at most " + KEY_MAX + " characters of a-z, 0-9, dots and hyphens");
    }
  }

  private void string(String field, String value, int max) {
    if (value.indexOf('\u0000') >= 0) {
      add(field, "must not contain NUL characters");
    } else if (value.codePointCount(0, value.length()) > max) {
      add(field, "must be at most " + max + " characters");
    }
  }

  private void pattern(String field, String value, Pattern pattern, int max, String what) {
    if (value != null && (value.length() > max || !pattern.matcher(value).matches())) {
      add(field, "must be " + what);
    }
  }

  private void oneOf(String field, String value, Set<String> values) {
    if (value != null && !values.contains(value)) {
      add(field, "must be one of " + String.join(", ", new java.util.TreeSet<>(values)));
    }
  }

  private void range(String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      add(field, "must be from " + min + " to " + max);
    }
  }

  private void add(String field, String message) {
    violations.add(new Problem.Violation(field, message));
  }
}
