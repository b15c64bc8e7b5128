package jp.riss.deemedattendance.example;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The example descriptions IPA publishes per syllabus area, managed by IPA administrators. */
@Path("/api/v1/deemed-attendance/examples")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.IPA_ADMIN)
public class ExampleResource {

  public record Items<T>(List<T> items) {}

  @Inject Examples examples;
  @Inject JsonWebToken token;
  @Inject IdempotentRequests idempotency;

  @GET
  public Items<ExampleView> list(@QueryParam("area") String area) {
    Integer number = null;
    if (area != null) {
      if (!area.matches("[1-4]")) {
        throw ProblemException.badRequest("area", "must be a syllabus area number (1–4)");
      }
      number = Integer.valueOf(area);
    }
    return new Items<>(examples.all(number).stream().map(ExampleView::of).toList());
  }

  @GET
  @Path("/{id}")
  public ExampleView get(@PathParam("id") String id) {
    var uuid = Ids.uuid("id", id);
    return examples
        .find(uuid)
        .map(ExampleView::of)
        .orElseThrow(() -> ProblemException.notFound("example " + id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @NotNull ExampleInput body,
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String idempotencyKey,
      @Context UriInfo uri) {
    return idempotency.once(
        token.getSubject(),
        idempotencyKey,
        new IdempotentRequests.Fingerprint("POST", uri.getPath(), body),
        () -> {
          DescriptionExample example = examples.create(body, token.getSubject());
          return Response.created(uri.getAbsolutePathBuilder().path(example.id.toString()).build())
              .entity(ExampleView.of(example))
              .build();
        });
  }

  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") String id) {
    examples.delete(Ids.uuid("id", id));
    return Response.noContent().build();
  }
}
