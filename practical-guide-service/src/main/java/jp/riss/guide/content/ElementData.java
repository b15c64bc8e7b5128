package jp.riss.guide.content;

import java.util.List;

/**
 * An element as a content file or an editor states it (no revision, no timestamps). {@code order}
 * is the place in its file; an editor may set it to move an element.
 */
public record ElementData(
    String key,
    String kind,
    Integer step,
    String parent,
    Integer seedLine,
    Boolean inHouseOnly,
    Attrs attrs,
    Element.Text ja,
    Element.EnText en,
    Integer order) {

  /** One content file: what it holds and its elements in order. */
  public record File(String file, String about, List<ElementData> elements) {}
}
