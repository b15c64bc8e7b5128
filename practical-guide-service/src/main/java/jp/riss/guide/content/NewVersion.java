package jp.riss.guide.content;

/**
 * A new draft version as an editor asks for it: its code, and the version it starts from (the
 * current one when absent); titles default to the base's.
 */
public record NewVersion(String code, String basedOn, String titleJa, String titleEn) {}
