package jp.riss.activelist.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * A search page is written from pieces serialised once (each listing's summary, each filter set's
 * facets). Clients must not be able to tell: the bytes equal the whole page serialised in one go by
 * the same mapper — full pages, the last page, and pages with nothing on them.
 */
class SearchPageJsonTest {

  private final ObjectMapper mapper =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final SearchPageJson json = new SearchPageJson();

  private final SearchIndex index =
      new SearchIndex(
          SearchFixtures.codes(), new ExposureBalancer(ExposureBalancer.Settings.DEFAULTS));

  SearchPageJsonTest() {
    json.init(mapper);
    for (int i = 0; i < 25; i++) {
      StoredListing row = SearchFixtures.listing(i % 4);
      if (i % 5 == 0) {
        // A registry entry brings dates and nested objects into the summary.
        row =
            new StoredListing(
                row.id(),
                row.version(),
                row.status(),
                row.updatedAt(),
                row.registrationNumber(),
                "引用符\"と\\記号",
                row.displayNameKana(),
                row.affiliation(),
                row.companyName(),
                row.prefectures(),
                row.onlineNationwide(),
                row.themes(),
                row.industries(),
                row.formats(),
                row.firstConsultationFree(),
                row.engagementLengths(),
                row.qualifications(),
                row.otherQualifications(),
                row.selfIntroduction(),
                row.trackRecords(),
                row.availability(),
                row.capacity(),
                row.openInquiries(),
                new StoredListing.Registry(
                    "VALID",
                    LocalDate.of(2019, 4, 1),
                    LocalDate.of(2027, 3, 31),
                    "COMPLETED",
                    "DUE",
                    OffsetDateTime.now()));
      }
      index.put(IndexedListing.of(row, SearchFixtures.codes(), SearchFixtures.today()));
    }
  }

  @Test
  void aFullPageWithALinkToTheNextIsWhatSerialisingItWholeGives() throws Exception {
    SearchResult result = index.search(SearchFixtures.themeQuery(10, 7), 0);
    assertEquals(10, result.hits().size());
    String next = "/api/v1/active-list/listings?theme=1&limit=10&cursor=eyJzZWVk\"x";
    assertArrayEquals(whole(result, next), json.write(result, next));
    // Served twice from the memoised pieces: still the same bytes.
    assertArrayEquals(whole(result, next), json.write(result, next));
  }

  @Test
  void theLastPageAndAnEmptyPageToo() throws Exception {
    SearchResult last = index.search(SearchFixtures.themeQuery(50, 7), 0);
    assertEquals(25, last.hits().size());
    assertArrayEquals(whole(last, null), json.write(last, null));

    SearchIndex empty =
        new SearchIndex(
            SearchFixtures.codes(), new ExposureBalancer(ExposureBalancer.Settings.DEFAULTS));
    SearchResult nothing = empty.search(SearchFixtures.themeQuery(10, 7), 0);
    assertEquals(0, nothing.hits().size());
    assertArrayEquals(whole(nothing, null), json.write(nothing, null));
  }

  private byte[] whole(SearchResult result, String next) throws Exception {
    return mapper.writeValueAsBytes(
        new SearchPage(
            result.items(), result.total(), result.facets().value(), result.seed(), next));
  }
}
