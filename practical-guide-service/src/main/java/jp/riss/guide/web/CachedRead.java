package jp.riss.guide.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;

/**
 * A public read that caches well: an {@code ETag} (the given one, else a digest of the body), a
 * {@code 304} when {@code If-None-Match} already has it, a {@code Cache-Control} that says how long
 * it may be kept, and {@code Content-Language} naming every language the body is in.
 *
 * @param etag null to derive one from the body
 * @param maxAgeSeconds how long shared caches may keep it; 0 = always revalidate (drafts)
 * @param languages the languages of the texts in the body; empty for bodies without text
 */
public record CachedRead(
    Object entity, EntityTag etag, int maxAgeSeconds, boolean shared, Set<String> languages) {

  public static final String IF_NONE_MATCH = "If-None-Match";

  // As the framework labels the JSON it writes itself.
  private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

  public Response respond(String ifNoneMatch, ObjectMapper json) {
    // A derived tag needs the body written; it is then sent as written rather than written again.
    byte[] body = etag == null ? write(entity, json) : null;
    EntityTag tag = body == null ? etag : digest(body);
    // Written out: JAX-RS's CacheControl has no way to say "public".
    String cache =
        maxAgeSeconds == 0
            ? "private, no-cache"
            : (shared ? "public" : "private") + ", max-age=" + maxAgeSeconds;
    Response.ResponseBuilder response =
        matches(ifNoneMatch, tag)
            ? Response.notModified(tag)
            : (body == null ? Response.ok(entity) : Response.ok(body, JSON_UTF8)).tag(tag);
    response.header(HttpHeaders.CACHE_CONTROL, cache).header(HttpHeaders.VARY, "Accept-Language");
    if (!languages.isEmpty()) {
      response.header(HttpHeaders.CONTENT_LANGUAGE, String.join(", ", new TreeSet<>(languages)));
    }
    return response.build();
  }

  private static boolean matches(String ifNoneMatch, EntityTag tag) {
    if (ifNoneMatch == null) {
      return false;
    }
    String expected = "\"" + tag.getValue() + "\"";
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      if (c.equals("*") || c.equals(expected)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] write(Object entity, ObjectMapper json) {
    try {
      return json.writeValueAsBytes(entity);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static EntityTag digest(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return new EntityTag(
          Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
