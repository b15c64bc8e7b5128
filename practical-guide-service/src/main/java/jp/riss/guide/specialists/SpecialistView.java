package jp.riss.guide.specialists;

import java.util.List;
import java.util.UUID;

/** A specialist the guide recommends; details and contact stay with the Active List. */
public record SpecialistView(
    UUID listingId, String displayName, List<String> prefectures, List<Integer> themes) {}
