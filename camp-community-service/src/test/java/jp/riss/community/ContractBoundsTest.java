package jp.riss.community;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.riss.community.CommunityApi.Person;
import jp.riss.platform.testing.ContractBounds;
import jp.riss.platform.testing.ContractBounds.Operation;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EndpointMatrix.Endpoint;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bound the contract declares on an input is the service's bound: one past it is a 400
 * problem naming the field, exactly at it is not refused for it (platform {@link ContractBounds}).
 *
 * <p>The contract's bearer requirement names no roles, so each operation is called with a role it
 * allows, read from the security matrix's endpoint list; an {@code alumni} call comes from an
 * enrolled adult member, so that membership is not what refuses it before its input is read.
 */
@QuarkusTest
class ContractBoundsTest {

  @TestFactory
  Stream<DynamicTest> everyBoundInTheContractIsEnforcedExactly() {
    Person adult = CommunityApi.enrolled(30);
    List<Endpoint> endpoints = ProtectedEndpointsTest.endpoints().toList();
    return ContractBounds.ofModule()
        .callingAs(op -> as(op, endpoints, adult))
        .except(
            "POST /api/v1/community/completion-imports",
            "problems number the rows from 1 (rows[1] is the first, as a CSV user counts them),"
                + " so the probe's rows[0] is named rows[1]; CompletionImportTest covers the bounds")
        .except(
            "POST /api/v1/community/groups/{id}/posts",
            "a post is checked against its group's rules (held links for minors' groups), so the"
                + " group is found first")
        .except(
            "PUT /api/v1/community/groups/{id}/posts/{postId}",
            "a post is checked against its group's rules, so the group is found first")
        .except(
            "POST /api/v1/community/surveys/{id}/responses",
            "answers are checked against the survey's own questions, so the survey is found first")
        .except(
            "POST /api/v1/community/connect-calls/{id}/applications",
            "the theme must be one of the call's, so the call is found first")
        .except(
            "PUT /api/v1/community/connect-applications/{id}/reviews/me",
            "scores are checked against the call's rubric, so the application is found first")
        .except(
            "POST /api/v1/community/guardian/consents",
            "the link token is checked before the body (it decides whose consent and which text"
                + " version applies), so a probe without a live link is refused for the token")
        .tests();
  }

  private static RequestSpecification as(Operation op, List<Endpoint> endpoints, Person adult) {
    Pattern template = Pattern.compile(op.path().replaceAll("\\{[^}]+}", "[^/]+"));
    Set<String> allowed =
        endpoints.stream()
            .filter(e -> e.method().equals(op.method()))
            .filter(e -> template.matcher(e.path().replaceAll("\\?.*", "")).matches())
            .findFirst()
            .map(Endpoint::allowed)
            .orElse(Set.of());
    RequestSpecification request = given().filter(Contracts.responseValidator());
    if (allowed.isEmpty()) {
      return request;
    }
    String role = allowed.contains("alumni") ? "alumni" : allowed.iterator().next();
    String subject =
        role.equals("alumni")
            ? adult.subject()
            : role.equals("camp-office") ? CommunityApi.OFFICE_SUBJECT : "contract-bounds";
    return request.auth().oauth2(Tokens.of(role, subject));
  }
}
