package jp.riss.guide.diagnosis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import jp.riss.platform.problem.Problem;

/**
 * Checks answers against their instrument version and names every fault at once: unknown item ids,
 * missing answers, values off the scale, {@code not-applicable} where the item has no condition or
 * its condition holds, unknown or repeated facts.
 */
final class SubmissionRules {

  static final int MAX_FACTS = 20;
  static final int MAX_ANSWERS = 200;

  /** Keys shaped like item ids are named in the problem; anything else only as "answers". */
  private static final Pattern ITEM_ID = Pattern.compile("[a-z0-9-]{1,20}");

  private SubmissionRules() {}

  static List<Problem.Violation> check(Instrument instrument, Submission s) {
    List<Problem.Violation> v = new ArrayList<>();
    Set<String> knownFacts = new HashSet<>();
    instrument.facts().forEach(f -> knownFacts.add(f.code()));
    List<String> facts = s.facts() == null ? List.of() : s.facts();
    if (facts.size() > MAX_FACTS) {
      v.add(new Problem.Violation("facts", "must have at most " + MAX_FACTS + " entries"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < Math.min(facts.size(), MAX_FACTS); i++) {
      String fact = facts.get(i);
      if (fact == null || !knownFacts.contains(fact)) {
        v.add(
            new Problem.Violation(
                "facts[" + i + "]",
                "must be one of " + String.join(", ", new TreeSet<>(knownFacts))));
      } else if (!seen.add(fact)) {
        v.add(new Problem.Violation("facts[" + i + "]", "is given twice"));
      }
    }
    Map<String, String> answers = s.answers() == null ? Map.of() : s.answers();
    if (s.answers() == null) {
      v.add(new Problem.Violation("answers", "is required: one answer per item"));
    } else if (answers.size() > MAX_ANSWERS) {
      v.add(new Problem.Violation("answers", "must have at most " + MAX_ANSWERS + " entries"));
      return v;
    }
    for (String key : new TreeSet<>(answers.keySet())) {
      if (instrument.item(key).isEmpty()) {
        v.add(
            ITEM_ID.matcher(key).matches()
                ? new Problem.Violation(
                    "answers." + key,
                    "is not an item of " + instrument.code() + " " + instrument.version())
                : new Problem.Violation("answers", "has a key that is not an item id"));
      }
    }
    for (Instrument.Item item : instrument.items()) {
      String answer = answers.get(item.id());
      String field = "answers." + item.id();
      if (answer == null) {
        if (s.answers() != null) {
          v.add(new Problem.Violation(field, "is required"));
        }
      } else if (Instrument.NOT_APPLICABLE.equals(answer)) {
        if (item.applicableIf() == null) {
          v.add(new Problem.Violation(field, "cannot be not-applicable: the item always applies"));
        } else if (seen.contains(item.applicableIf().fact())) {
          v.add(
              new Problem.Violation(
                  field,
                  "cannot be not-applicable: fact " + item.applicableIf().fact() + " is declared"));
        }
      } else if (instrument.answer(answer).isEmpty()) {
        v.add(new Problem.Violation(field, "must be one of " + scale(instrument)));
      }
    }
    return v;
  }

  private static String scale(Instrument instrument) {
    List<String> answers = new ArrayList<>();
    instrument.scale().forEach(a -> answers.add(a.answer()));
    answers.add(Instrument.NOT_APPLICABLE + " (conditional items only)");
    return String.join(", ", answers);
  }
}
