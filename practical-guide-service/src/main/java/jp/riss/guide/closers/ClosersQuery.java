package jp.riss.guide.closers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jp.riss.guide.content.Language;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;

/**
 * The parameters of a closers request, each checked against the contract's bound; every one at
 * fault is named in the same problem.
 *
 * @param seed orders equally matching specialists (a diagnosis passes its own, so its list is
 *     stable while another diagnosis sees another order)
 */
public record ClosersQuery(String gap, int step, String prefecture, long seed) {

  static final int GAP_MAX = 64;
  static final long SEED_MAX = 2_147_483_647L;
  private static final Pattern GAP = Pattern.compile("[a-z0-9][a-z0-9-]{0," + (GAP_MAX - 1) + "}");
  // JIS X 0401: 01 Hokkaido to 47 Okinawa.
  private static final Pattern PREFECTURE = Pattern.compile("0[1-9]|[1-3][0-9]|4[0-7]");
  private static final Pattern SEED = Pattern.compile("0|[1-9][0-9]{0,9}");

  static final String PATH = "/api/v1/guide/closers";

  /** This request as a relative link: what each gap of a diagnosis points at. */
  public String link() {
    return PATH + "?gap=" + gap + "&step=" + step + "&prefecture=" + prefecture + "&seed=" + seed;
  }

  public static ClosersQuery parse(
      String gap, String step, String prefecture, String seed, String lang) {
    List<Problem.Violation> violations = new ArrayList<>();
    if (lang != null && !Language.JA.equals(lang) && !Language.EN.equals(lang)) {
      violations.add(new Problem.Violation("lang", "must be ja or en"));
    }
    if (gap == null || !GAP.matcher(gap).matches()) {
      violations.add(
          new Problem.Violation(
              "gap", "must be a gap code of a self-diagnosis (a-z, 0-9 and -, at most 64)"));
    }
    if (step == null || !step.matches("[1-4]")) {
      violations.add(new Problem.Violation("step", "must be a Step: 1, 2, 3 or 4"));
    }
    if (prefecture == null || !PREFECTURE.matcher(prefecture).matches()) {
      violations.add(
          new Problem.Violation("prefecture", "must be a JIS X 0401 prefecture code, 01 to 47"));
    }
    long seedValue = -1;
    if (seed != null && SEED.matcher(seed).matches()) {
      seedValue = Long.parseLong(seed);
    }
    if (seedValue < 0 || seedValue > SEED_MAX) {
      violations.add(new Problem.Violation("seed", "must be a whole number from 0 to " + SEED_MAX));
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
    return new ClosersQuery(gap, step.charAt(0) - '0', prefecture, seedValue);
  }
}
