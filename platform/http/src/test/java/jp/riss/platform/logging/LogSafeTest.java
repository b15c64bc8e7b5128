package jp.riss.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogSafeTest {

  @Test
  void addressesAndTokensAreReplacedTheRestKept() {
    assertEquals(
        "SMTPException: 550 5.1.1 <<e-mail>>: Recipient address rejected",
        LogSafe.text(
            "SMTPException: 550 5.1.1 <taro.yamada+x@mail.example.co.jp>: Recipient address rejected"));
    assertEquals(
        "Bearer <token> refused",
        LogSafe.text("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0In0.c2ln refused"));
    assertEquals("timed out after 30 s", LogSafe.text("timed out after 30 s"));
    assertEquals("null", LogSafe.text(null));
  }
}
