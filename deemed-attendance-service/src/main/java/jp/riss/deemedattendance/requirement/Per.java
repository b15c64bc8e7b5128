package jp.riss.deemedattendance.requirement;

/** How often a requirement must be met in a cycle: once per cycle year, or once per cycle. */
public enum Per {
  CYCLE_YEAR,
  CYCLE
}
