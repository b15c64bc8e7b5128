package jp.riss.guide.content;

import java.util.regex.Pattern;
import jp.riss.platform.problem.ProblemException;

/**
 * Which language a reader asked for: {@code lang} when given (ja or en, nothing else), else the
 * best of ja and en in {@code Accept-Language} by q-value, else ja. Other languages in the header
 * are simply not offered; a header that is not a list of language ranges is a 400 naming it.
 */
public final class Language {

  public static final String JA = "ja";
  public static final String EN = "en";
  public static final String HEADER = "Accept-Language";

  private static final Pattern RANGE = Pattern.compile("\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
  private static final Pattern Q = Pattern.compile("[qQ]=(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)");
  private static final int HEADER_MAX = 500;

  private Language() {}

  public static String negotiate(String lang, String acceptLanguage) {
    if (lang != null) {
      if (!JA.equals(lang) && !EN.equals(lang)) {
        throw ProblemException.badRequest("lang", "must be ja or en");
      }
      return lang;
    }
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return JA;
    }
    if (acceptLanguage.length() > HEADER_MAX) {
      throw ProblemException.badRequest(HEADER, "must be at most " + HEADER_MAX + " characters");
    }
    String best = JA;
    double bestQ = -1;
    for (String part : acceptLanguage.split(",")) {
      String[] pieces = part.strip().split(";");
      String range = pieces[0].strip();
      double q = 1;
      if (!RANGE.matcher(range).matches() || pieces.length > 2) {
        throw ProblemException.badRequest(HEADER, "is not a list of language ranges: " + range);
      }
      if (pieces.length == 2) {
        String weight = pieces[1].strip();
        if (!Q.matcher(weight).matches()) {
          throw ProblemException.badRequest(HEADER, "has a q-value that is not from 0 to 1");
        }
        q = Double.parseDouble(weight.substring(2));
      }
      String primary = range.split("-")[0].toLowerCase(java.util.Locale.ROOT);
      String offered =
          primary.equals(EN) ? EN : primary.equals(JA) || primary.equals("*") ? JA : null;
      if (offered != null && q > 0 && q > bestQ) {
        best = offered;
        bestQ = q;
      }
    }
    return best;
  }
}
