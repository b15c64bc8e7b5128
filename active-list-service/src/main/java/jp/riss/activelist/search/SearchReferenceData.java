package jp.riss.activelist.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.riss.activelist.reference.ReferenceData;

/** Reads the reference data search needs once: it changes only with migrations. */
@ApplicationScoped
class SearchReferenceData {

  @Inject ReferenceData reference;
  @Inject EntityManager em;

  @Transactional
  SearchCodes load() {
    Map<String, List<String>> themeNames = new LinkedHashMap<>();
    reference
        .themes()
        .forEach(t -> themeNames.put(String.valueOf(t.number()), List.of(t.nameJa(), t.nameEn())));
    Map<String, List<String>> qualificationNames = new LinkedHashMap<>();
    reference
        .qualifications()
        .forEach(q -> qualificationNames.put(q.code(), List.of(q.nameJa(), q.nameEn())));
    return new SearchCodes(
        reference.prefectures().stream().map(ReferenceData.Prefecture::code).toList(),
        List.copyOf(themeNames.keySet()),
        codes(reference.industries()),
        codes(reference.formats()),
        List.copyOf(qualificationNames.keySet()),
        codes(reference.engagementLengths()),
        themeNames,
        qualificationNames,
        buckets());
  }

  private static List<String> codes(List<ReferenceData.Coded> coded) {
    return coded.stream().map(ReferenceData.Coded::code).toList();
  }

  @SuppressWarnings("unchecked")
  private List<SearchCodes.PositionBucket> buckets() {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT code, first_position, last_position FROM search_position_bucket"
                    + " ORDER BY first_position")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new SearchCodes.PositionBucket(
                    (String) r[0],
                    ((Number) r[1]).intValue(),
                    r[2] == null ? null : ((Number) r[2]).intValue()))
        .toList();
  }
}
