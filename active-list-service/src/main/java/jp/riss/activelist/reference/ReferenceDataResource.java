package jp.riss.activelist.reference;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Read-only reference data so portals can build their forms. */
@Path("/api/v1/active-list/reference")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ReferenceDataResource {

  public record Items<T>(List<T> items) {}

  @Inject ReferenceData referenceData;

  @GET
  @Path("/prefectures")
  public Items<ReferenceData.Prefecture> prefectures() {
    return new Items<>(referenceData.prefectures());
  }

  @GET
  @Path("/themes")
  public Items<ReferenceData.Theme> themes() {
    return new Items<>(referenceData.themes());
  }

  @GET
  @Path("/industries")
  public Items<ReferenceData.Coded> industries() {
    return new Items<>(referenceData.industries());
  }

  @GET
  @Path("/engagement-lengths")
  public Items<ReferenceData.Coded> engagementLengths() {
    return new Items<>(referenceData.engagementLengths());
  }

  @GET
  @Path("/formats")
  public Items<ReferenceData.Coded> formats() {
    return new Items<>(referenceData.formats());
  }

  @GET
  @Path("/qualifications")
  public Items<ReferenceData.Coded> qualifications() {
    return new Items<>(referenceData.qualifications());
  }

  @GET
  @Path("/syllabus-items")
  public Items<ReferenceData.SyllabusItem> syllabusItems() {
    return new Items<>(referenceData.syllabusItems());
  }
}
