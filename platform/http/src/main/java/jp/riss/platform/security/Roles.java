package jp.riss.platform.security;

/**
 * The platform's roles, as they appear in the token's {@code groups} claim: registered specialists,
 * support bodies (chambers of commerce, the RISS association, IT vendors), companies (SMEs),
 * certifiers of practical experience (employers or clients), Security Camp alumni, the camp office,
 * Camp Connect's reviewers and sponsors, government bodies that issue calls for opinions or
 * participation to alumni, and IPA's reviewers and administrators. The root README lists them for
 * integrators.
 */
public final class Roles {

  public static final String SPECIALIST = "specialist";
  public static final String SUPPORT_BODY = "support-body";
  public static final String COMPANY = "company";
  public static final String CERTIFIER = "certifier";
  public static final String ALUMNI = "alumni";
  public static final String CAMP_OFFICE = "camp-office";
  public static final String GOVERNMENT_BODY = "government-body";
  public static final String IPA_REVIEWER = "ipa-reviewer";
  public static final String IPA_ADMIN = "ipa-admin";

  /** Reviewers of Camp Connect applications, assigned per call by the camp office. */
  public static final String CONNECT_REVIEWER = "connect-reviewer";

  /** Sponsoring organisations of Camp Connect: aggregates of the calls they sponsor only. */
  public static final String SPONSOR = "sponsor";

  private Roles() {}
}
