package jp.riss.activelist.shortlist;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import jp.riss.activelist.listing.SelfDeclared;

/**
 * What an SME says about itself when looking for a specialist: enough to match (region, themes,
 * industry, format), nothing to reach it by. Codes refer to the reference endpoints.
 */
public record SmeProfile(
    @NotBlank @Size(max = 200) String companyName,
    @NotNull @Pattern(regexp = "[A-T]", message = "must be a JSIC division letter such as \"E\"")
        String industry,
    @NotNull @Pattern(regexp = "\\d{2}", message = "must be a JIS X 0401 code such as \"13\"")
        String prefecture,
    @NotNull @Size(max = SelfDeclared.CODE_LENGTH) String sizeBand,
    @NotNull @Size(min = 1, max = 6) List<@NotNull @Min(1) @Max(99) Integer> themes,
    @Size(max = SelfDeclared.CODE_LENGTH) String preferredFormat,
    boolean acceptsOnline) {

  public SmeProfile {
    themes = themes == null ? null : themes.stream().distinct().toList();
  }
}
