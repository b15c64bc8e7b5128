package jp.riss.guide.organisation;

/**
 * An organisation as its owner states it. Security staff: none is 0 and 0; {@code concurrent} are
 * people who do security beside other work (兼務), {@code dedicated} people who only do security.
 */
public record OrganisationData(
    String name,
    String prefecture,
    String jsicDivision,
    String employeeBand,
    Staff securityStaff,
    Boolean statisticsConsent) {

  /** Security staff counts. */
  public record Staff(Integer concurrent, Integer dedicated) {}
}
