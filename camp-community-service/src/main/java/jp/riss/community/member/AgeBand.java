package jp.riss.community.member;

import java.time.LocalDate;
import java.time.Period;

/** Age bands derived from the date of birth on the day asked; 18 is Japan's age of majority. */
public enum AgeBand {
  CHILD("child"),
  JUNIOR("junior"),
  TEEN("teen"),
  ADULT("adult");

  public static final int MAJORITY = 18;

  public final String code;

  AgeBand(String code) {
    this.code = code;
  }

  public static AgeBand of(LocalDate dateOfBirth, LocalDate today) {
    int age = Period.between(dateOfBirth, today).getYears();
    if (age >= MAJORITY) {
      return ADULT;
    }
    if (age >= 16) {
      return TEEN;
    }
    return age >= 13 ? JUNIOR : CHILD;
  }

  public static AgeBand byCode(String code) {
    for (AgeBand band : values()) {
      if (band.code.equals(code)) {
        return band;
      }
    }
    throw new IllegalArgumentException(code);
  }

  public boolean minor() {
    return this != ADULT;
  }

  /** Whether someone of this band may join where {@code minimum} is required. */
  public boolean atLeast(AgeBand minimum) {
    return ordinal() >= minimum.ordinal();
  }

  public static java.util.List<String> codes() {
    return java.util.Arrays.stream(values()).map(b -> b.code).toList();
  }
}
