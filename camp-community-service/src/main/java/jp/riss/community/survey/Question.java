package jp.riss.community.survey;

import java.util.List;
import java.util.Set;

/**
 * One question: {@code single-choice} and {@code multiple-choice} have 2–20 options, {@code scale}
 * is answered 1 to 5, {@code free-text} with up to 2,000 characters.
 */
public record Question(String kind, String text, List<String> options, Boolean required) {

  public static final Set<String> KINDS =
      Set.of("single-choice", "multiple-choice", "scale", "free-text");

  public boolean choice() {
    return "single-choice".equals(kind) || "multiple-choice".equals(kind);
  }
}
