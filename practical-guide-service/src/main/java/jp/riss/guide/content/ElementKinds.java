package jp.riss.guide.content;

import java.util.HashSet;
import java.util.Set;
import jp.riss.platform.problem.ProblemException;

/** Element kinds and keys as request values. */
public final class ElementKinds {

  public static final Set<String> ALL;

  static {
    Set<String> all = new HashSet<>(ElementRules.STEP_KINDS);
    all.addAll(ElementRules.OTHER_KINDS);
    ALL = Set.copyOf(all);
  }

  private ElementKinds() {}

  /** A well-formed element key, else 400 naming {@code key}. */
  public static String key(String key) {
    if (key == null
        || key.length() > ElementRules.KEY_MAX
        || !ElementRules.KEY.matcher(key).matches()) {
      throw ProblemException.badRequest(
          "key", "must be an element key such as step2.measure.basic-policy");
    }
    return key;
  }

  public static String required(String field, String value) {
    if (value == null) {
      throw ProblemException.badRequest(field, "is required");
    }
    return value;
  }
}
