package jp.riss.deemedattendance.audit;

import jp.riss.deemedattendance.application.Application;
import jp.riss.deemedattendance.application.CertifierRelation;

/**
 * The sample-audit stratum of an application, from who certified its entries. Work attested by a
 * client (independent specialists) has no employer standing behind it, so it is drawn on its own
 * and may be given a higher rate.
 */
public final class Strata {

  public static final String CLIENT_ATTESTED = "CLIENT_ATTESTED";
  public static final String EMPLOYER_ATTESTED = "EMPLOYER_ATTESTED";

  private Strata() {}

  public static String of(Application application) {
    boolean client =
        application.entries.stream().anyMatch(e -> e.certifierRelation == CertifierRelation.CLIENT);
    return client ? CLIENT_ATTESTED : EMPLOYER_ATTESTED;
  }
}
