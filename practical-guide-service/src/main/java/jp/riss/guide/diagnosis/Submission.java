package jp.riss.guide.diagnosis;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * Answers to one instrument version: every item answered by id ({@code yes}, {@code partly}, {@code
 * no}, {@code unknown}, or {@code not-applicable} where the item's fact does not hold), and the
 * organisation facts that make conditional items applicable.
 */
public record Submission(
    @Size(max = 40) String instrument,
    @Size(max = 40) String instrumentVersion,
    @Size(max = 20) List<@Size(max = 40) String> facts,
    @Size(max = 200) Map<String, @Size(max = 20) String> answers) {}
