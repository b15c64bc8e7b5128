package jp.riss.community.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises contact details and invitations to outside chats, Japanese and ASCII forms, from the
 * patterns the camp office keeps as data ({@code moderation_pattern}).
 */
@ApplicationScoped
public class ModerationPatterns {

  record Compiled(String kind, Pattern pattern) {}

  @Inject EntityManager em;

  /** The kinds found in the text: {@code contact-details}, {@code outside-chat}. */
  public Set<String> kindsIn(String text) {
    Set<String> kinds = new LinkedHashSet<>();
    for (Compiled c : patterns()) {
      if (c.pattern().matcher(text).find()) {
        kinds.add(c.kind());
      }
    }
    return kinds;
  }

  @SuppressWarnings("unchecked")
  private List<Compiled> patterns() {
    List<Object[]> rows =
        em.createNativeQuery("SELECT kind, regex FROM moderation_pattern ORDER BY code")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Compiled(
                    (String) r[0],
                    Pattern.compile(
                        (String) r[1], Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)))
        .toList();
  }
}
