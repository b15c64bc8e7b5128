package jp.riss.deemedattendance.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 法人番号の指定等に関する省令 第2条: check = 9 − (Σ Pn·Qn mod 9), Qn = 1 (odd n), 2 (even n). */
class CorporateNumberTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "7000012050002", // 国税庁 (National Tax Agency)
        "4011001098993", // published example of a 株式会社
        "2120901007402" // worked example of a tax accountant's guide
      })
  void knownNumbersAreValid(String number) {
    assertTrue(CorporateNumber.isValid(number));
  }

  @Test
  void theNationalTaxAgencysCheckDigitIsComputed() {
    // 2·1 + 5·1 + 2·1 + 1·2 = 11; 11 mod 9 = 2; 9 − 2 = 7.
    assertEquals(7, CorporateNumber.checkDigit("000012050002"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "6000012050002", // check digit one off
        "8000012050002",
        "7000012050003", // last digit changed
        "7000012050020", // two digits swapped
        "0000012050002", // 0 is never a check digit
        "700001205000", // 12 digits
        "70000120500021", // 14 digits
        "7000012O50002", // a letter O
        "７０００012050002" // full-width digits
      })
  void neighboursAndMalformedNumbersAreInvalid(String number) {
    assertFalse(CorporateNumber.isValid(number));
  }

  @Test
  void aSumDivisibleByNineGivesNine() {
    // 9·1 = 9 ≡ 0 (mod 9) → 9 − 0 = 9.
    assertEquals(9, CorporateNumber.checkDigit("000000000009"));
    assertTrue(CorporateNumber.isValid("9000000000009"));
    assertThrows(IllegalArgumentException.class, () -> CorporateNumber.checkDigit("12"));
  }
}
