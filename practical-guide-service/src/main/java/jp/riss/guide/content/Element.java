package jp.riss.guide.content;

import java.time.OffsetDateTime;

/** One element of one guide version, as stored. */
public record Element(
    String key,
    String kind,
    Integer step,
    String parent,
    int order,
    Integer seedLine,
    boolean inHouseOnly,
    Attrs attrs,
    Text ja,
    EnText en,
    long revision,
    OffsetDateTime updatedAt) {

  /** Text in one language: a short title (optional) and the body. */
  public record Text(String title, String text) {}

  /**
   * The English text and how far it has got: {@code missing}, {@code draft} or {@code reviewed}.
   */
  public record EnText(String state, String title, String text) {
    public boolean present() {
      return !"missing".equals(state) && text != null;
    }
  }
}
