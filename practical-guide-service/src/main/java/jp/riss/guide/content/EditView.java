package jp.riss.guide.content;

import java.util.List;

/** The edit log of a version, for editors and reviewers: who changed which element, and when. */
public record EditView(String version, List<GuideStore.Edit> items) {}
