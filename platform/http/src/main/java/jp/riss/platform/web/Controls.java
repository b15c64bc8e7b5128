package jp.riss.platform.web;

/**
 * The characters no RISS input may hold: C0 controls other than tab, CR and LF. PostgreSQL cannot
 * store NUL in text at all, and the others are never meant in a name, a code or a message.
 */
public final class Controls {

  private Controls() {}

  /** True when {@code s} holds a C0 control other than tab, CR and LF. */
  public static boolean present(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
        return true;
      }
    }
    return false;
  }
}
