package jp.riss.activelist.shortlist;

import java.util.List;
import java.util.UUID;
import jp.riss.activelist.listing.SelfDeclared;

/** The candidates for one SME profile, best first, each with why it was chosen. */
public record Shortlist(long seed, int k, List<Candidate> candidates) {

  public record Candidate(
      int rank,
      UUID listingId,
      String displayName,
      SelfDeclared.Affiliation.Kind affiliation,
      String companyName,
      List<String> prefectures,
      boolean onlineNationwide,
      List<Integer> themes,
      boolean firstConsultationFree,
      List<String> reasons) {}
}
