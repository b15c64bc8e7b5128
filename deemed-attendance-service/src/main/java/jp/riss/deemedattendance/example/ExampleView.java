package jp.riss.deemedattendance.example;

import java.time.OffsetDateTime;
import java.util.UUID;

public record ExampleView(UUID id, int area, String title, String text, OffsetDateTime createdAt) {
  public static ExampleView of(DescriptionExample e) {
    return new ExampleView(e.id, e.area, e.title, e.text, e.createdAt);
  }
}
