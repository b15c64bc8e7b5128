package jp.riss.platform.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.util.Base64;
import jp.riss.platform.json.PlainJson;
import jp.riss.platform.problem.ProblemException;

/**
 * Cursor pagination: a cursor is the position after the last item of a page (the sort keys of a
 * keyset query), opaque to clients (base64url JSON), and {@code next} is a relative link that works
 * the same through the gateway as on the service.
 */
public final class Cursors {

  public static final String PARAM = "cursor";
  // Positions hold sort keys, timestamps among them: a keyset comparison with the database's
  // value must be exact.
  private static final ObjectMapper JSON =
      PlainJson.mapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Cursors() {}

  public static String encode(Object position) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(JSON.writeValueAsBytes(position));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @return the position, or null for the first page
   * @throws ProblemException 400 naming {@code cursor} when it is not one this API issued
   */
  public static <T> T decode(String cursor, Class<T> type) {
    if (cursor == null) {
      return null;
    }
    try {
      T position = JSON.readValue(Base64.getUrlDecoder().decode(cursor), type);
      if (position != null) {
        return position;
      }
    } catch (IOException | IllegalArgumentException e) {
      // answered below
    }
    throw ProblemException.badRequest(PARAM, "is not a cursor this API issued");
  }

  /** The request's own path and query with {@code cursor} set to the next page's. */
  public static String nextLink(UriInfo uri, Object position) {
    URI next = uri.getRequestUriBuilder().replaceQueryParam(PARAM, encode(position)).build();
    return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
  }
}
