package jp.riss.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.RelativeLocations;

/**
 * {@code Idempotency-Key} on POSTs that create things: the first request with a key runs and its
 * answer is stored in the same transaction as what it created; a retry with the same key and the
 * same body gets that answer again (marked {@code Idempotent-Replayed: true}); the same key with
 * another body is refused. Failed requests store nothing, so they may be retried as they are.
 */
@ApplicationScoped
public class IdempotentRequests {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";
  private static final Pattern SANE = Pattern.compile("[\\x21-\\x7E]{1,255}");

  @Inject EntityManager em;
  @Inject ObjectMapper json;

  /**
   * What a retried request must repeat exactly to be answered from the first attempt: the usual
   * {@code request} of {@link #once}.
   */
  public record Fingerprint(String method, String path, Object body) {}

  /**
   * Runs {@code action} once per (principal, key). Without a key it simply runs it.
   *
   * @param request what identifies the request's content (method, path and body), compared on
   *     replay
   */
  @Transactional
  public Response once(String principal, String key, Object request, Supplier<Response> action) {
    if (key == null) {
      return action.get();
    }
    if (!SANE.matcher(key).matches()) {
      throw ProblemException.badRequest(HEADER, "must be 1 to 255 visible ASCII characters");
    }
    String fingerprint = fingerprint(request);
    int claimed =
        em.createNativeQuery(
                "INSERT INTO idempotency_key (principal, key, fingerprint) VALUES (?1, ?2, ?3)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, principal)
            .setParameter(2, key)
            .setParameter(3, fingerprint)
            .executeUpdate();
    if (claimed == 0) {
      return replay(principal, key, fingerprint);
    }
    Response response = action.get();
    em.createNativeQuery(
            "UPDATE idempotency_key SET status = ?3, location = ?4, etag = ?5, body = ?6"
                + " WHERE principal = ?1 AND key = ?2")
        .setParameter(1, principal)
        .setParameter(2, key)
        .setParameter(3, response.getStatus())
        .setParameter(4, location(response))
        .setParameter(5, response.getHeaderString(HttpHeaders.ETAG))
        .setParameter(6, write(response.getEntity()))
        .executeUpdate();
    return response;
  }

  private Response replay(String principal, String key, String fingerprint) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT fingerprint, status, location, etag, body FROM idempotency_key"
                    + " WHERE principal = ?1 AND key = ?2")
            .setParameter(1, principal)
            .setParameter(2, key)
            .getResultList();
    Object[] row = rows.get(0);
    if (!fingerprint.equals(row[0])) {
      throw new ProblemException(
          Problem.of(
              422,
              "idempotency-key-reused",
              "Idempotency key reused",
              "This Idempotency-Key was used for a different request; use a new key."));
    }
    if (row[1] == null) {
      // Only reachable when the first request's transaction has not finished: our insert waited
      // for it and it committed without an answer, which the code above never does.
      throw ProblemException.conflict(
          "idempotency-key-in-flight",
          "Request in progress",
          "A request with this Idempotency-Key is still being processed; retry shortly.");
    }
    Response.ResponseBuilder replay =
        Response.status(((Number) row[1]).intValue())
            .header(REPLAYED, "true")
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(row[4]);
    if (row[2] != null) {
      // As a plain header: JAX-RS would make a URI absolute against this service's own address.
      replay.header(HttpHeaders.LOCATION, RelativeLocations.of((String) row[2]));
    }
    if (row[3] != null) {
      replay.header(HttpHeaders.ETAG, row[3]);
    }
    return replay.build();
  }

  /** The answer's Location as a relative reference, the form every answer carries it in. */
  private static String location(Response response) {
    Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
    return location == null ? null : RelativeLocations.of(location.toString());
  }

  private String fingerprint(Object request) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(Object entity) {
    try {
      return entity == null ? null : json.writeValueAsString(entity);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
