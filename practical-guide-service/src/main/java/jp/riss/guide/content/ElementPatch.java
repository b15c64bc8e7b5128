package jp.riss.guide.content;

/**
 * An editor's change to one element of a draft: only the fields sent change. Key, kind, Step and
 * parent are the element's identity and do not change (remove it and add another instead).
 */
public record ElementPatch(
    Element.Text ja, Element.EnText en, Integer order, Boolean inHouseOnly, Attrs attrs) {}
