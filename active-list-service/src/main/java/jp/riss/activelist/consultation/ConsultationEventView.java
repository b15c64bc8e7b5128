package jp.riss.activelist.consultation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An event as its support body (everything) or an invited specialist (their own invitation, their
 * own slots and the SMEs of those slots only) sees it.
 */
public record ConsultationEventView(
    UUID id,
    String title,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    String venue,
    boolean online,
    ConsultationEvent.Status status,
    OffsetDateTime cancelledAt,
    String cancellationReason,
    List<InvitationView> invitations,
    List<RegistrationView> registrations,
    List<SlotView> slots,
    long version) {

  public record InvitationView(
      UUID listingId,
      String specialistName,
      Invitation.Status status,
      OffsetDateTime respondedAt) {}

  public record RegistrationView(
      UUID id,
      String companyName,
      String industry,
      String prefecture,
      String sizeBand,
      List<Integer> themes) {

    static RegistrationView of(Registration r) {
      return new RegistrationView(
          r.id, r.companyName, r.industry, r.prefecture, r.sizeBand, List.of(r.themes));
    }
  }

  public record SlotView(
      UUID id,
      UUID registrationId,
      UUID listingId,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      Slot.Status status,
      OffsetDateTime cancelledAt,
      String cancellationReason,
      OutcomeView outcome) {

    static SlotView of(Slot s) {
      return new SlotView(
          s.id,
          s.registrationId,
          s.listingId,
          s.startsAt,
          s.endsAt,
          s.status,
          s.cancelledAt,
          s.cancellationReason,
          s.outcomeRecordedAt == null
              ? null
              : new OutcomeView(
                  List.of(s.issues), List.of(s.priorities), s.followUp, s.outcomeRecordedAt));
    }
  }

  public record OutcomeView(
      List<String> issues, List<Integer> priorities, String followUp, OffsetDateTime recordedAt) {}
}
