package jp.riss.deemedattendance.application;

/**
 * The 13-digit corporate number (法人番号) and its check digit.
 *
 * <p>The first digit is a check digit over the 12-digit base number (基礎番号) that follows it
 * (法人番号の指定等に関する省令, 平成26年財務省令第70号, 第2条): check = 9 − ((Σ Pn × Qn) mod 9) for n = 1 … 12, where Pn is
 * the n-th digit of the base number counted from its lowest (rightmost) digit and Qn is 1 for odd n
 * and 2 for even n. The check digit is therefore 1 to 9, never 0. Example: the National Tax
 * Agency's number 7000012050002.
 */
public final class CorporateNumber {

  private CorporateNumber() {}

  /** The check digit for a 12-digit base number. */
  public static int checkDigit(String base) {
    if (base == null || !base.matches("[0-9]{12}")) {
      throw new IllegalArgumentException("a base number is 12 digits");
    }
    int sum = 0;
    for (int n = 1; n <= 12; n++) {
      int digit = base.charAt(12 - n) - '0';
      sum += digit * (n % 2 == 1 ? 1 : 2);
    }
    return 9 - sum % 9;
  }

  /** 13 ASCII digits whose first is the check digit of the other 12. */
  public static boolean isValid(String number) {
    return number != null
        && number.matches("[0-9]{13}")
        && number.charAt(0) - '0' == checkDigit(number.substring(1));
  }
}
