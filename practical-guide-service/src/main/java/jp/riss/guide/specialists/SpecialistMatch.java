package jp.riss.guide.specialists;

import java.util.List;
import java.util.UUID;

/**
 * A specialist recommended for a gap, from the guide's read model. Contact details stay with the
 * Active List: the links lead there (the listing, and the endpoint an inquiry is sent to with this
 * {@code listingId}).
 *
 * @param match {@code prefecture} when the specialist works in the organisation's prefecture,
 *     {@code online} when only because it works online across Japan
 * @param themes the guidance themes of the gap the specialist offers
 * @param availability ACCEPTING or LIMITED; null while the read model has not heard it yet
 * @param verified the groups of the listing's facts a source verified (e.g. {@code registration})
 */
public record SpecialistMatch(
    UUID listingId,
    String displayName,
    String match,
    List<String> prefectures,
    boolean onlineNationwide,
    List<Integer> themes,
    boolean firstConsultationFree,
    String availability,
    List<String> verified,
    Links links) {

  static final String LISTINGS = "/api/v1/active-list/listings/";
  static final String INQUIRIES = "/api/v1/active-list/inquiries";

  /** Where the listing is read, and where an inquiry to it is posted. */
  public record Links(String listing, String inquiry) {}

  static SpecialistMatch of(
      UUID id,
      String name,
      List<String> prefectures,
      List<Integer> themes,
      boolean online,
      boolean firstFree,
      String availability,
      List<String> verified,
      boolean local) {
    return new SpecialistMatch(
        id,
        name,
        local ? "prefecture" : "online",
        prefectures,
        online,
        themes,
        firstFree,
        availability,
        verified,
        new Links(LISTINGS + id, INQUIRIES));
  }
}
