package jp.riss.community.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Random one-time secrets and the digests they are stored as. */
public final class Secrets {

  /** No 0/O, 1/I/L: codes are typed by people from a mail. */
  private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** 12 characters of a 31-letter alphabet: about 59 bits, shown as XXXX-XXXX-XXXX. */
  public static String enrolmentCode() {
    StringBuilder code = new StringBuilder(14);
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
    }
    return code.toString();
  }

  /** The form a typed code is compared in: upper case, no separators or spaces. */
  public static String normaliseCode(String typed) {
    return typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
  }

  public static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
