package jp.riss.activelist.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link SearchPage} as JSON from the pieces the index keeps serialised (each listing's
 * summary, each filter set's facets), with the REST layer's own mapper so the bytes are exactly
 * what serialising the page in one go would give. The contract's SearchPage schema describes it.
 */
@ApplicationScoped
class SearchPageJson {

  private static final byte[] ITEMS = bytes("{\"items\":[");
  private static final byte[] TOTAL = bytes("],\"total\":");
  private static final byte[] FACETS = bytes(",\"facets\":");
  private static final byte[] SEED = bytes(",\"seed\":");
  private static final byte[] NEXT = bytes(",\"next\":");
  private static final byte[] NULL = bytes("null");
  private static final byte[] COMMA = bytes(",");
  private static final byte[] END = bytes("}");

  private ObjectWriter summaries;
  private ObjectWriter facets;
  private ObjectWriter strings;

  @Inject
  void init(ObjectMapper mapper) {
    summaries = mapper.writerFor(ListingSummary.class);
    facets = mapper.writerFor(Facets.class);
    strings = mapper.writerFor(String.class);
  }

  byte[] write(SearchResult result, String next) {
    List<IndexedListing> hits = result.hits();
    byte[][] parts = new byte[hits.size() * 2 + 10][];
    int n = 0;
    parts[n++] = ITEMS;
    for (int i = 0; i < hits.size(); i++) {
      if (i > 0) {
        parts[n++] = COMMA;
      }
      parts[n++] = hits.get(i).summaryJson().json(summaries);
    }
    parts[n++] = TOTAL;
    parts[n++] = bytes(Integer.toString(result.total()));
    parts[n++] = FACETS;
    parts[n++] = result.facets().json(facets);
    parts[n++] = SEED;
    parts[n++] = bytes(Long.toString(result.seed()));
    parts[n++] = NEXT;
    parts[n++] = next == null ? NULL : string(next);
    parts[n++] = END;
    // One array of the exact size: a page is written many times a second.
    int size = 0;
    for (int i = 0; i < n; i++) {
      size += parts[i].length;
    }
    byte[] page = new byte[size];
    int at = 0;
    for (int i = 0; i < n; i++) {
      System.arraycopy(parts[i], 0, page, at, parts[i].length);
      at += parts[i].length;
    }
    return page;
  }

  private byte[] string(String value) {
    try {
      return strings.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String ascii) {
    return ascii.getBytes(StandardCharsets.US_ASCII);
  }
}
