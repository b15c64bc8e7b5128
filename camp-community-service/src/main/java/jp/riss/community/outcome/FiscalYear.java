package jp.riss.community.outcome;

import java.time.LocalDate;

/** Japanese fiscal years (年度) run from April to March; the camp counts its years that way. */
final class FiscalYear {

  private FiscalYear() {}

  static int of(LocalDate day) {
    return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
  }
}
