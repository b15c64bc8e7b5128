package jp.riss.activelist.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import java.time.Clock;
import java.time.OffsetDateTime;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.Keyset;
import jp.riss.platform.web.PageLimit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Support bodies register endpoints that get the change feed pushed to them. */
@Path("/api/v1/active-list/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPPORT_BODY)
public class WebhookResource {

  @Inject Clock clock;

  @Inject Webhooks webhooks;
  @Inject WebhookDispatcher dispatcher;
  @Inject JsonWebToken token;
  @Inject IdempotentRequests idempotency;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(
      @Valid @NotNull NewWebhook body,
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String idempotencyKey) {
    return idempotency.once(
        token.getSubject(),
        idempotencyKey,
        new IdempotentRequests.Fingerprint("POST", uri.getPath(), body),
        () -> {
          Webhooks.Registered registered = webhooks.register(token.getSubject(), body);
          return Response.created(
                  uri.getAbsolutePathBuilder()
                      .path(registered.subscription().id.toString())
                      .build())
              .entity(WebhookView.withSecret(registered.subscription(), registered.secret(), now()))
              .build();
        });
  }

  @GET
  public WebhookPage list(
      @QueryParam("limit") String limit, @QueryParam("cursor") @Size(max = 500) String cursor) {
    int size = PageLimit.parse(limit, 20, 100);
    Keyset.Page<WebhookView> page =
        Keyset.page(
                webhooks.list(token.getSubject(), Keyset.decode(cursor), size + 1),
                size,
                s -> s.createdAt,
                s -> s.id)
            .map(s -> WebhookView.of(s, now()));
    return new WebhookPage(page.items(), page.nextLink(uri));
  }

  @GET
  @Path("/{id}")
  public WebhookView get(@PathParam("id") @Size(max = 36) String id) {
    return WebhookView.of(webhooks.require(token.getSubject(), Ids.uuid("id", id)), now());
  }

  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") @Size(max = 36) String id) {
    webhooks.delete(token.getSubject(), Ids.uuid("id", id));
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/secret")
  public WebhookView rotateSecret(@PathParam("id") @Size(max = 36) String id) {
    Webhooks.Registered rotated = webhooks.rotateSecret(token.getSubject(), Ids.uuid("id", id));
    return WebhookView.withSecret(rotated.subscription(), rotated.secret(), now());
  }

  @DELETE
  @Path("/{id}/secret/previous")
  public WebhookView endSecretOverlap(@PathParam("id") @Size(max = 36) String id) {
    return WebhookView.of(webhooks.endSecretOverlap(token.getSubject(), Ids.uuid("id", id)), now());
  }

  @POST
  @Path("/{id}/ping")
  public Response ping(@PathParam("id") @Size(max = 36) String id) {
    DeliveryView delivery = webhooks.ping(token.getSubject(), Ids.uuid("id", id));
    dispatcher.wakeUp();
    return Response.accepted(delivery).build();
  }

  @GET
  @Path("/{id}/deliveries")
  public DeliveryPage deliveries(
      @PathParam("id") @Size(max = 36) String id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") @Size(max = 500) String cursor) {
    int size = PageLimit.parse(limit, 20, 100);
    Keyset.Page<DeliveryView> page =
        Keyset.page(
            webhooks.deliveries(
                token.getSubject(), Ids.uuid("id", id), Keyset.decode(cursor), size + 1),
            size,
            DeliveryView::createdAt,
            DeliveryView::id);
    return new DeliveryPage(page.items(), page.nextLink(uri));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  @POST
  @Path("/{id}/deliveries/{deliveryId}/redeliver")
  public Response redeliver(
      @PathParam("id") @Size(max = 36) String id,
      @PathParam("deliveryId") @Size(max = 36) String deliveryId) {
    DeliveryView delivery =
        webhooks.redeliver(
            token.getSubject(), Ids.uuid("id", id), Ids.uuid("deliveryId", deliveryId));
    dispatcher.wakeUp();
    return Response.accepted(delivery).build();
  }
}
