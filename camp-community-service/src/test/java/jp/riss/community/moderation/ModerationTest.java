package jp.riss.community.moderation;

import static jp.riss.community.CommunityApi.BASE;
import static jp.riss.community.CommunityApi.addToGroup;
import static jp.riss.community.CommunityApi.enrolled;
import static jp.riss.community.CommunityApi.group;
import static jp.riss.community.CommunityApi.groupWithPoster;
import static jp.riss.community.CommunityApi.member;
import static jp.riss.community.CommunityApi.office;
import static jp.riss.community.CommunityApi.office2;
import static jp.riss.community.CommunityApi.openCaseOf;
import static jp.riss.community.CommunityApi.pastFirstPost;
import static jp.riss.community.CommunityApi.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import org.junit.jupiter.api.Test;

/** Report → case → action with a reason → one appeal decided by another moderator; audit trail. */
@QuarkusTest
class ModerationTest {

  @Inject AgroalDataSource dataSource;

  private static final String CASES = BASE + "/moderation-cases";

  private static void report(Person reporter, String kind, String id) {
    member(reporter)
        .contentType(ContentType.JSON)
        .body(Map.of("targetKind", kind, "targetId", id, "reason", "不適切です"))
        .post(BASE + "/moderation-reports")
        .then()
        .statusCode(201);
  }

  /** {@code reporter} reports the post and a moderator bans its author on the case it opens. */
  private static void banAuthorOf(String postId, Person reporter) {
    report(reporter, "post", postId);
    office()
        .contentType(ContentType.JSON)
        .body(Map.of("action", "ban", "reason", "規約違反のため"))
        .post(CASES + "/" + openCaseOf(postId) + "/actions")
        .then()
        .statusCode(200);
  }

  @Test
  void reportCaseHideAppealDecidedByAnotherModerator() {
    Person author = enrolled(27);
    Person reader = enrolled(28);
    String g = groupWithPoster(author);
    addToGroup(g, reader);
    String postId = post(g, author, "少し乱暴な書き込み").getString("id");
    report(reader, "post", postId);
    member(reader)
        .contentType(ContentType.JSON)
        .body(Map.of("targetKind", "post", "targetId", postId, "reason", "again"))
        .post(BASE + "/moderation-reports")
        .then()
        .statusCode(409);
    String caseId = openCaseOf(postId);
    office()
        .get(CASES + "/" + caseId)
        .then()
        .statusCode(200)
        .body("openedBecause", hasItem("report"))
        .body("target.text", equalTo("少し乱暴な書き込み"));
    String actionId =
        office()
            .contentType(ContentType.JSON)
            .body(Map.of("action", "hide", "reason", "攻撃的な表現のため非表示にしました"))
            .post(CASES + "/" + caseId + "/actions")
            .then()
            .statusCode(200)
            .body("state", equalTo("decided"))
            .body("target.state", equalTo("hidden"))
            .extract()
            .path("actions[0].id");
    member(reader).get(CommunityApi.GROUPS + "/" + g + "/posts/" + postId).then().statusCode(404);
    member(author)
        .get(CommunityApi.ME + "/moderation-actions")
        .then()
        .statusCode(200)
        .body("items.find { it.id == '" + actionId + "' }.reason", equalTo("攻撃的な表現のため非表示にしました"));
    member(author)
        .contentType(ContentType.JSON)
        .body(Map.of("statement", "冗談のつもりでした"))
        .post(BASE + "/moderation-actions/" + actionId + "/appeal")
        .then()
        .statusCode(201)
        .body("appeal.statement", equalTo("冗談のつもりでした"));
    member(author)
        .contentType(ContentType.JSON)
        .body(Map.of("statement", "もう一度"))
        .post(BASE + "/moderation-actions/" + actionId + "/appeal")
        .then()
        .statusCode(409);
    member(reader)
        .contentType(ContentType.JSON)
        .body(Map.of("statement", "他人の異議"))
        .post(BASE + "/moderation-actions/" + actionId + "/appeal")
        .then()
        .statusCode(404);
    office()
        .contentType(ContentType.JSON)
        .body(Map.of("outcome", "overturned", "reason", "自分で決めた"))
        .post(BASE + "/moderation-actions/" + actionId + "/appeal/decision")
        .then()
        .statusCode(403)
        .body("type", equalTo("https://riss.example/problems/same-moderator"));
    office2()
        .contentType(ContentType.JSON)
        .body(Map.of("outcome", "overturned", "reason", "文脈上問題ない"))
        .post(BASE + "/moderation-actions/" + actionId + "/appeal/decision")
        .then()
        .statusCode(200)
        .body("target.state", equalTo("visible"))
        .body("actions[0].appeal.outcome", equalTo("overturned"))
        .body("audit.what", hasItems("hide: 攻撃的な表現のため非表示にしました"));
    member(reader).get(CommunityApi.GROUPS + "/" + g + "/posts/" + postId).then().statusCode(200);
    // The trail is append-only.
    SQLException refused =
        assertThrows(
            SQLException.class,
            () -> {
              try (Connection c = dataSource.getConnection();
                  Statement s = c.createStatement()) {
                s.executeUpdate(
                    "UPDATE moderation_audit SET what = 'x' WHERE case_id = '" + caseId + "'");
              }
            });
    assertTrue(refused.getMessage().contains("append-only"));
  }

  @Test
  void reportsFromThreeMembersSuspendPostingUntilAModeratorDecides() {
    Person author = enrolled(44);
    String g = groupWithPoster(author);
    String postId = post(g, author, "問題の投稿").getString("id");
    for (int i = 0; i < 3; i++) {
      Person r = enrolled(30 + i);
      addToGroup(g, r);
      report(r, "post", postId);
    }
    member(author)
        .contentType(ContentType.JSON)
        .body(Map.of("body", "もう一つ"))
        .post(CommunityApi.GROUPS + "/" + g + "/posts")
        .then()
        .statusCode(403)
        .body("type", equalTo("https://riss.example/problems/posting-suspended"));
    office()
        .contentType(ContentType.JSON)
        .body(Map.of("action", "warn", "reason", "表現に気を付けてください"))
        .post(CASES + "/" + openCaseOf(postId) + "/actions")
        .then()
        .statusCode(200);
    post(g, author, "気を付けます");
  }

  @Test
  void aBannedMemberCannotBeAddedToAnotherGroupUntilTheBanIsLifted() {
    Person author = enrolled(45);
    String g = groupWithPoster(author);
    String postId = post(g, author, "禁止される投稿").getString("id");
    Person reporter = enrolled(46);
    addToGroup(g, reporter);
    banAuthorOf(postId, reporter);
    String other = group("topic", "invitation", "adult");
    office()
        .contentType(ContentType.JSON)
        .body(Map.of("memberId", author.memberId()))
        .post(CommunityApi.GROUPS + "/" + other + "/members")
        .then()
        .statusCode(403)
        .body("type", equalTo("https://riss.example/problems/member-banned"));
  }

  @Test
  void aPageOfPostsIsFilledWithWhatTheReaderMaySeeWhenABannedAuthorsPostsAreLeftOut() {
    Person kept = enrolled(47);
    Person banned = enrolled(48);
    Person reader = enrolled(49);
    String g = groupWithPoster(kept);
    addToGroup(g, banned);
    pastFirstPost(g, banned);
    addToGroup(g, reader);
    List<String> keptPosts = new ArrayList<>();
    String lastOfBanned = null;
    for (int i = 1; i <= 3; i++) {
      keptPosts.add(0, post(g, kept, "残る投稿 " + i).getString("id"));
      lastOfBanned = post(g, banned, "消える投稿 " + i).getString("id");
    }
    banAuthorOf(lastOfBanned, reader);
    // Newest first the rows alternate banned, kept, banned, kept...: a page of 2 is still 2 posts.
    var first =
        member(reader)
            .get(CommunityApi.GROUPS + "/" + g + "/posts?limit=2")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(keptPosts.subList(0, 2), first.getList("items.id"));
    String next = first.getString("next");
    var second = member(reader).get(next).then().statusCode(200).extract().jsonPath();
    assertEquals(2, second.getList("items.id").size());
    assertEquals(keptPosts.get(2), second.getList("items.id").get(0));
    assertEquals(null, second.getString("next"));
  }

  @Test
  void aModeratorActsOnlyWhereTheyModerate() {
    String g =
        office()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "name", "他の事務局員のグループ",
                    "purpose", "topic",
                    "visibility", "invitation",
                    "minAgeBand", "adult",
                    "moderators", List.of(Map.of("subject", "someone-else", "displayName", "別人"))))
            .post(CommunityApi.GROUPS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Person a = enrolled(33);
    addToGroup(g, a);
    String postId = post(g, a, "はじめまして").getString("id");
    String caseId =
        jp.riss.community.CommunityApi.as("camp-office", "someone-else")
            .get(CASES + "?limit=100")
            .then()
            .statusCode(200)
            .extract()
            .path("items.find { it.target.id == '" + postId + "' }.id");
    office()
        .contentType(ContentType.JSON)
        .body(Map.of("action", "hide", "reason", "x"))
        .post(CASES + "/" + caseId + "/actions")
        .then()
        .statusCode(403);
    office().get(CommunityApi.GROUPS + "/" + g + "/posts").then().statusCode(403);
  }

  @Test
  void theQueueIsOldestFirstAndSaysWhy() {
    List<String> opened =
        office().get(CASES + "?limit=100").then().statusCode(200).extract().path("items.openedAt");
    for (int i = 1; i < opened.size(); i++) {
      assertTrue(
          !OffsetDateTime.parse(opened.get(i)).isBefore(OffsetDateTime.parse(opened.get(i - 1))),
          "oldest first");
    }
  }

  @Test
  void moderationEventsMatchTheirSchemaAndCarryNoText() {
    String g = group("topic", "invitation", "adult");
    Person a = enrolled(36);
    addToGroup(g, a);
    String postId = post(g, a, "秘密の本文").getString("id");
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), ModerationChanged.TOPIC)) {
      log.awaitEvent(
          e -> postId.equals(e.path("data").path("targetId").asText()), Duration.ofSeconds(20));
      String raw =
          log.records().stream()
              .filter(r -> r.value().contains(postId))
              .findFirst()
              .orElseThrow()
              .value();
      assertEquals(java.util.Set.of(), EventSchemas.violations(ModerationChanged.SCHEMA, raw));
      assertTrue(!raw.contains("秘密の本文"));
    }
  }
}
