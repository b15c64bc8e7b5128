package jp.riss.activelist.inquiry;

import java.util.EnumSet;
import java.util.Set;

/** Where an inquiry is; SENT and ACCEPTED ones count towards the listing's open inquiries. */
public enum InquiryStatus {
  SENT,
  ACCEPTED,
  DECLINED,
  EXPIRED,
  COMPLETED,
  CANCELLED;

  static final Set<InquiryStatus> OPEN = EnumSet.of(SENT, ACCEPTED);

  boolean isOpen() {
    return OPEN.contains(this);
  }
}
