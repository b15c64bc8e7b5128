package jp.riss.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

  private static MailTemplates templates(String... languages) {
    MailTemplates templates = new MailTemplates();
    templates.languages = List.of(languages);
    return templates;
  }

  @Test
  void everyLanguageInOrderWithItsPlaceholdersFilled() {
    MailTemplates.Rendered mail =
        templates("ja", "en").render("sample", Map.of("name", "山田 $1 太郎", "until", "2027-01-30"));
    assertEquals("【確認】山田 $1 太郎 様 / [Check] 山田 $1 太郎", mail.subject());
    assertTrue(mail.body().startsWith("山田 $1 太郎 様\n\n期限: 2027-01-30\n\n"), mail.body());
    assertTrue(mail.body().endsWith("\n\nDear 山田 $1 太郎,\n\nUntil: 2027-01-30\n"), mail.body());
  }

  @Test
  void aPlaceholderWithoutAValueIsAnErrorNotAGap() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> templates("ja").render("sample", Map.of("name", "山田")));
    assertTrue(e.getMessage().contains("{until}"), e.getMessage());
  }

  @Test
  void aMissingOrMalformedTemplateIsNamed() {
    assertTrue(
        assertThrows(IllegalStateException.class, () -> templates("ja").render("none", Map.of()))
            .getMessage()
            .contains("mail/none.ja.txt"));
    assertTrue(
        assertThrows(IllegalStateException.class, () -> templates("ja").render("broken", Map.of()))
            .getMessage()
            .contains("mail/broken.ja.txt"));
  }
}
