package jp.riss.activelist.inquiry;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The payload of {@code activelist.inquiry.v1}, for demand statistics (who asks for what, where,
 * and how it ends). Never the SME's name, contact or message. Schema {@code
 * events/activelist.inquiry.v1.schema.json}.
 */
public record InquiryChanged(
    UUID inquiryId,
    UUID listingId,
    InquiryStatus status,
    String requesterRole,
    String industry,
    String prefecture,
    String sizeBand,
    List<Integer> themes,
    String preferredFormat,
    String declineReason,
    OffsetDateTime createdAt,
    OffsetDateTime at,
    long version) {

  public static final String TOPIC = "activelist.inquiry.v1";
  public static final String SCHEMA = "activelist.inquiry.v1";
  public static final String CREATED = "jp.riss.activelist.inquiry.created";
  public static final String ACCEPTED = "jp.riss.activelist.inquiry.accepted";
  public static final String DECLINED = "jp.riss.activelist.inquiry.declined";
  public static final String EXPIRED = "jp.riss.activelist.inquiry.expired";
  public static final String CLOSED = "jp.riss.activelist.inquiry.closed";

  static InquiryChanged of(Inquiry i) {
    return new InquiryChanged(
        i.id,
        i.listingId,
        i.status,
        i.requesterRole,
        i.industry,
        i.prefecture,
        i.sizeBand,
        List.of(i.themes),
        i.preferredFormat,
        i.declineReason,
        i.createdAt,
        i.updatedAt,
        i.version);
  }
}
