package jp.riss.activelist.search;

import java.util.List;
import java.util.Map;

/**
 * The reference data search validates parameters against, counts facets over and adds to a
 * listing's searchable text (theme and qualification names), as the migrations loaded it.
 */
record SearchCodes(
    List<String> prefectures,
    List<String> themes,
    List<String> industries,
    List<String> formats,
    List<String> qualifications,
    List<String> engagementLengths,
    Map<String, List<String>> themeNames,
    Map<String, List<String>> qualificationNames,
    List<PositionBucket> buckets) {

  /** A range of result positions impressions are counted in; the first one is "the top". */
  record PositionBucket(String code, int firstPosition, Integer lastPosition) {
    boolean contains(int position) {
      return position >= firstPosition && (lastPosition == null || position <= lastPosition);
    }
  }

  PositionBucket bucketOf(int position) {
    for (PositionBucket bucket : buckets) {
      if (bucket.contains(position)) {
        return bucket;
      }
    }
    return buckets.get(buckets.size() - 1);
  }

  PositionBucket top() {
    return buckets.get(0);
  }
}
