package jp.riss.activelist.consultation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import jp.riss.activelist.listing.SelfDeclared;

/** The bodies clients send to run a consultation event. */
public final class ConsultationRequests {

  private ConsultationRequests() {}

  public record NewEvent(
      @NotBlank @Size(max = 200) String title,
      @NotNull OffsetDateTime startsAt,
      @NotNull OffsetDateTime endsAt,
      @Size(max = 300) String venue,
      boolean online,
      @Size(max = 50) List<@NotNull @Size(max = 36) String> invitedListingIds) {}

  public record NewRegistration(
      @NotBlank @Size(max = 200) String companyName,
      @NotNull @Pattern(regexp = "[A-T]", message = "must be a JSIC division letter such as \"E\"")
          String industry,
      @NotNull @Pattern(regexp = "\\d{2}", message = "must be a JIS X 0401 code such as \"13\"")
          String prefecture,
      @NotNull @Size(max = SelfDeclared.CODE_LENGTH) String sizeBand,
      @NotNull @Size(max = 6) List<@NotNull @Min(1) @Max(99) Integer> themes) {}

  public record NewSlot(
      @NotNull @Size(max = 36) String registrationId,
      @NotNull @Size(max = 36) String listingId,
      @NotNull OffsetDateTime startsAt,
      @NotNull OffsetDateTime endsAt) {}

  /** What an individual consultation found: issues, themes by priority, what follows. */
  public record Outcome(
      @NotNull @Size(max = 20) List<@NotBlank @Size(max = 500) String> issues,
      @NotNull @Size(max = 6) List<@NotNull @Min(1) @Max(99) Integer> priorities,
      @NotNull @Size(max = SelfDeclared.CODE_LENGTH) String followUp) {}
}
