package jp.riss.platform.logging;

import java.util.regex.Pattern;

/**
 * Text from elsewhere (an SMTP server's refusal, an exception's message) made fit for a log line:
 * e-mail addresses and bearer tokens in it are replaced, since logs travel to collectors and
 * operators that must not see people's contact details or credentials. The stored record (e.g. a
 * mail row's {@code last_error}) keeps the full text where access is controlled.
 */
public final class LogSafe {

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  private LogSafe() {}

  public static String text(Object value) {
    if (value == null) {
      return "null";
    }
    String text = EMAIL.matcher(String.valueOf(value)).replaceAll("<e-mail>");
    return JWT.matcher(text).replaceAll("<token>");
  }
}
