package jp.riss.guide.specialists;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.regex.Pattern;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Cursors;

/** Specialists an SME could consult, by guidance theme and region. */
@Path("/api/v1/guide/specialists")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class SpecialistResource {

  private static final Pattern PREFECTURE = Pattern.compile("\\d{2}");

  /** A page; {@code next} is the relative link to the following one, absent on the last. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Page(List<SpecialistView> items, String next) {}

  @Inject SpecialistCards cards;

  @GET
  public Page find(
      @QueryParam("theme") @Size(max = 2) String theme,
      @QueryParam("prefecture") @Size(max = 2) String prefecture,
      @QueryParam("limit") String limit,
      @QueryParam(Cursors.PARAM) @Size(max = 500) String cursor,
      @Context UriInfo uri) {
    SpecialistCards.Slice slice =
        cards.find(
            theme == null ? null : number("theme", theme, 1, 99),
            prefecture == null ? null : prefecture(prefecture),
            limit == null ? 20 : number("limit", limit, 1, 100),
            Cursors.decode(cursor, SpecialistCards.Position.class));
    return new Page(
        slice.items(), slice.next() == null ? null : Cursors.nextLink(uri, slice.next()));
  }

  private static String prefecture(String value) {
    if (!PREFECTURE.matcher(value).matches()) {
      throw ProblemException.badRequest("prefecture", "must be a JIS X 0401 code such as \"13\"");
    }
    return value;
  }

  private static int number(String field, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.badRequest(field, "must be a whole number from " + min + " to " + max);
  }
}
