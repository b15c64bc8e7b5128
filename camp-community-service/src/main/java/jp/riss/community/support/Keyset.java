package jp.riss.community.support;

import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Cursors;

/** Where a (time, id)-ordered page ended, carried in the platform's opaque cursor. */
public record Keyset(OffsetDateTime at, UUID id) {

  /** The cursor's JSON form. */
  public record Wire(String at, String id) {}

  /** The position a cursor names, or null for the first page; 400 naming cursor when foreign. */
  public static Keyset decode(String cursor) {
    Wire wire = Cursors.decode(cursor, Wire.class);
    if (wire == null) {
      return null;
    }
    try {
      return new Keyset(OffsetDateTime.parse(wire.at()), UUID.fromString(wire.id()));
    } catch (RuntimeException e) {
      throw ProblemException.badRequest(Cursors.PARAM, "is not a cursor this API issued");
    }
  }

  /** The link to the page after the row at (at, id). */
  public static String next(UriInfo uri, OffsetDateTime at, UUID id) {
    return Cursors.nextLink(uri, new Wire(at.toString(), id.toString()));
  }
}
