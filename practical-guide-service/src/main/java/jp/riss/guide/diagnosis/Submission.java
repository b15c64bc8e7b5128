package jp.riss.guide.diagnosis;

import java.util.List;
import java.util.Map;

/**
 * Answers to one instrument version: every item answered by id ({@code yes}, {@code partly}, {@code
 * no}, {@code unknown}, or {@code not-applicable} where the item's fact does not hold), and the
 * organisation facts that make conditional items applicable.
 */
public record Submission(
    String instrument, String instrumentVersion, List<String> facts, Map<String, String> answers) {}
