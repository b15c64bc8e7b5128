package jp.riss.guide.content;

import jakarta.validation.constraints.Size;

/**
 * A new draft version as an editor asks for it: its code, and the version it starts from (the
 * current one when absent); titles default to the base's.
 */
public record NewVersion(
    @Size(max = 40) String code,
    @Size(max = 40) String basedOn,
    @Size(max = 200) String titleJa,
    @Size(max = 200) String titleEn) {}
