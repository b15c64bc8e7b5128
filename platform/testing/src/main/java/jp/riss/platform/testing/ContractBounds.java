package jp.riss.platform.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Proves that the contract's limits are the service's limits. For every operation of the checked-in
 * contract and every bound it declares on an input (a query, header or path parameter, or a field
 * anywhere in a JSON request body: {@code maxLength}, {@code maxItems}, {@code minimum}, {@code
 * maximum}), it sends a value one past the bound and expects a 400 problem naming that field, and a
 * value exactly at the bound and expects the field not to be named. A bound the contract declares
 * that the code does not enforce fails the first; a tighter bound in the code fails the second.
 *
 * <p>Each probe sends only what it needs: the probed field (nested where it lives), the path and
 * the required parameters filled with valid values. Missing required fields are named too, which is
 * fine: the service names every field at fault at once, so the probed one must be among them.
 * Validation happens before any object is looked up, so placeholder ids serve.
 *
 * <p>Use from a module's {@code @QuarkusTest}:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> everyBoundInTheContractIsEnforcedExactly() {
 *   return ContractBounds.ofModule().except("GET /api/v1/x/{id}/file", "why").tests();
 * }
 * }</pre>
 *
 * A probe that cannot be built honestly (a string with a {@code pattern} has no generic value
 * exactly at its bound) is skipped for that half only, never silently for both.
 */
public final class ContractBounds {

  static final String SUBJECT = "contract-bounds";

  /** One operation of the contract, with the roles its bearer security names. */
  public record Operation(String method, String path, List<String> roles) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** Where an input lives and what the service calls it in a problem. */
  enum In {
    QUERY,
    HEADER,
    PATH,
    BODY
  }

  /** One value sent for one bounded input. */
  record Probe(Operation operation, In in, String field, String bound, Object value, boolean past) {
    String describe() {
      String shown =
          value instanceof String s && s.length() > 12 ? s.length() + " chars" : "" + value;
      if (value instanceof List<?> l) {
        shown = l.size() + " items";
      }
      return operation
          + " "
          + in.name().toLowerCase()
          + " "
          + field
          + " "
          + bound
          + ": "
          + shown
          + (past ? " is a 400 naming it" : " is not refused for it");
    }
  }

  private static final Map<String, In> IN =
      Map.of("query", In.QUERY, "header", In.HEADER, "path", In.PATH);

  private final OpenAPI contract;
  private final Map<String, String> excepted = new LinkedHashMap<>();
  private Function<Operation, RequestSpecification> caller = ContractBounds::asFirstRole;

  private ContractBounds(OpenAPI contract) {
    this.contract = contract;
  }

  /** The contract of the module whose tests are running. */
  public static ContractBounds ofModule() {
    return of(Contracts.moduleContract());
  }

  public static ContractBounds of(Path contractFile) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    OpenAPI parsed = new OpenAPIV3Parser().read(contractFile.toUri().toString(), null, options);
    if (parsed == null) {
      throw new IllegalStateException("cannot parse " + contractFile);
    }
    return new ContractBounds(parsed);
  }

  /** Leaves an operation out, with the reason a reader of the test will see. */
  public ContractBounds except(String operation, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an exception needs its reason");
    }
    excepted.put(operation, reason);
    return this;
  }

  /** How a request for an operation is authenticated; by default a token of its first role. */
  public ContractBounds callingAs(Function<Operation, RequestSpecification> caller) {
    this.caller = caller;
    return this;
  }

  public static RequestSpecification asFirstRole(Operation operation) {
    RequestSpecification request = given().filter(Contracts.responseValidator());
    return operation.roles().isEmpty()
        ? request
        : request.auth().oauth2(Tokens.of(operation.roles().get(0), SUBJECT));
  }

  public Stream<DynamicTest> tests() {
    List<Probe> probes = probes();
    Set<String> unused = new java.util.HashSet<>(excepted.keySet());
    probes.forEach(p -> unused.remove(p.operation().toString()));
    if (!unused.isEmpty()) {
      throw new IllegalStateException("exceptions for operations without bounds: " + unused);
    }
    return probes.stream()
        .filter(p -> !excepted.containsKey(p.operation().toString()))
        .map(p -> DynamicTest.dynamicTest(p.describe(), () -> send(p)));
  }

  List<Probe> probes() {
    List<Probe> probes = new ArrayList<>();
    contract
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) -> {
                          Operation operation =
                              new Operation(method.name(), path, roles(op.getSecurity()));
                          for (Parameter p : parameters(item, op)) {
                            In in = IN.get(p.getIn());
                            if (in != null && p.getSchema() != null) {
                              bounded(operation, in, p.getName(), p.getSchema(), probes);
                            }
                          }
                          Schema<?> body = jsonBody(op.getRequestBody());
                          if (body != null) {
                            walkBody(operation, "", body, probes, 0);
                          }
                        }));
    return probes;
  }

  private void walkBody(Operation op, String prefix, Schema<?> schema, List<Probe> out, int depth) {
    if (depth > 8 || schema.getProperties() == null) {
      return;
    }
    schema
        .getProperties()
        .forEach(
            (name, property) -> {
              String field = prefix.isEmpty() ? name : prefix + "." + name;
              bounded(op, In.BODY, field, property, out);
              if ("array".equals(type(property)) && property.getItems() != null) {
                bounded(op, In.BODY, field + "[0]", property.getItems(), out);
                walkBody(op, field + "[0]", property.getItems(), out, depth + 1);
              }
              walkBody(op, field, property, out, depth + 1);
            });
  }

  /** The probes of one input's own bounds. */
  private static void bounded(Operation op, In in, String field, Schema<?> s, List<Probe> out) {
    String type = type(s);
    if ("string".equals(type) && s.getMaxLength() != null && s.getEnum() == null) {
      int max = s.getMaxLength();
      String at = stringOfLength(s, max);
      if (at != null) {
        out.add(new Probe(op, in, field, "maxLength " + max, at, false));
      }
      out.add(new Probe(op, in, field, "maxLength " + max, pastLength(s, at, max), true));
    }
    if ("array".equals(type) && s.getMaxItems() != null) {
      int max = s.getMaxItems();
      List<Object> at = items(s.getItems(), max, Boolean.TRUE.equals(s.getUniqueItems()));
      if (at != null) {
        out.add(new Probe(op, in, field, "maxItems " + max, at, false));
      }
      out.add(new Probe(op, in, field, "maxItems " + max, pastItems(s.getItems(), max), true));
    }
    if ("integer".equals(type) || "number".equals(type)) {
      if (s.getMaximum() != null) {
        BigDecimal max = s.getMaximum();
        out.add(new Probe(op, in, field, "maximum " + max, number(max), false));
        out.add(new Probe(op, in, field, "maximum " + max, number(max.add(BigDecimal.ONE)), true));
      }
      if (s.getMinimum() != null) {
        BigDecimal min = s.getMinimum();
        out.add(new Probe(op, in, field, "minimum " + min, number(min), false));
        out.add(
            new Probe(op, in, field, "minimum " + min, number(min.subtract(BigDecimal.ONE)), true));
      }
    }
  }

  private void send(Probe probe) {
    Operation op = probe.operation();
    RequestSpecification request = caller.apply(op);
    PathItem item = contract.getPaths().get(op.path());
    io.swagger.v3.oas.models.Operation declared =
        item.readOperationsMap().get(PathItem.HttpMethod.valueOf(op.method()));
    String path = op.path();
    for (Parameter p : parameters(item, declared)) {
      boolean probed = probe.in() != In.BODY && p.getName().equals(probe.field());
      Object value = probed ? probe.value() : Values.valid(p.getSchema());
      switch (p.getIn()) {
        case "path" -> path = path.replace("{" + p.getName() + "}", encode(String.valueOf(value)));
        case "query" -> {
          if (probed || Boolean.TRUE.equals(p.getRequired())) {
            if (value instanceof List<?> list) {
              request = request.queryParam(p.getName(), list);
            } else {
              request = request.queryParam(p.getName(), value);
            }
          }
        }
        case "header" -> {
          if (probed || Boolean.TRUE.equals(p.getRequired())) {
            request = request.header(p.getName(), String.valueOf(value));
          }
        }
        default -> {}
      }
    }
    if (jsonBody(declared.getRequestBody()) != null) {
      Object body = probe.in() == In.BODY ? Values.nested(probe.field(), probe.value()) : Map.of();
      request = request.contentType(ContentType.JSON).body(body);
    }
    Response response = request.urlEncodingEnabled(false).request(op.method(), path);
    int status = response.statusCode();
    List<String> named =
        status == 400 ? response.jsonPath().getList("violations.field", String.class) : List.of();
    named = named == null ? List.of() : named;
    if (probe.past()) {
      Assertions.assertEquals(
          400, status, probe.describe() + " — but the answer was " + response.asString());
      Assertions.assertTrue(
          named.contains(probe.field()),
          probe.describe() + " — but the problem named " + named + ": " + response.asString());
    } else {
      Assertions.assertTrue(status < 500, probe.describe() + " — but " + response.asString());
      Assertions.assertFalse(
          named.contains(probe.field()),
          probe.describe() + " — but the service refused it: " + response.asString());
    }
  }

  // ---- reading the contract

  private static List<String> roles(List<SecurityRequirement> security) {
    if (security == null) {
      return List.of();
    }
    for (SecurityRequirement requirement : security) {
      for (List<String> scopes : requirement.values()) {
        if (!scopes.isEmpty()) {
          return scopes;
        }
      }
    }
    return List.of();
  }

  private static List<Parameter> parameters(PathItem item, io.swagger.v3.oas.models.Operation op) {
    List<Parameter> all = new ArrayList<>();
    if (item.getParameters() != null) {
      all.addAll(item.getParameters());
    }
    if (op.getParameters() != null) {
      all.addAll(op.getParameters());
    }
    return all;
  }

  private static Schema<?> jsonBody(io.swagger.v3.oas.models.parameters.RequestBody body) {
    if (body == null || body.getContent() == null) {
      return null;
    }
    for (Map.Entry<String, MediaType> e : body.getContent().entrySet()) {
      if (e.getKey().startsWith("application/") && e.getKey().endsWith("json")) {
        return e.getValue().getSchema();
      }
    }
    return null;
  }

  static String type(Schema<?> s) {
    if (s.getType() != null) {
      return s.getType();
    }
    return s.getTypes() == null || s.getTypes().isEmpty()
        ? null
        : s.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
  }

  // ---- making values

  /** A valid string of exactly {@code length}, or null when none can be made without guessing. */
  private static String stringOfLength(Schema<?> s, int length) {
    if (s.getPattern() != null) {
      return null;
    }
    String format = s.getFormat();
    if (format == null) {
      return "a".repeat(length);
    }
    return switch (format) {
      case "email" -> length >= 13 ? "a".repeat(length - 12) + "@example.com" : null;
      case "uuid" -> length == 36 ? "00000000-0000-4000-8000-000000000000" : null;
      case "date" -> length == 10 ? "2026-04-01" : null;
      case "uri" -> length >= 20 ? "https://example.com/" + "a".repeat(length - 20) : null;
      default -> null;
    };
  }

  private static String pastLength(Schema<?> s, String atBound, int max) {
    if (atBound != null && "uri".equals(s.getFormat())) {
      return atBound + "a";
    }
    // Valid but one too long where it can be; otherwise plainly too long.
    return atBound != null && "email".equals(s.getFormat()) ? "a" + atBound : "a".repeat(max + 1);
  }

  private static List<Object> items(Schema<?> items, int count, boolean unique) {
    if (items == null) {
      return null;
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Object v = Values.distinct(items, i, unique);
      if (v == null) {
        return null;
      }
      values.add(v);
    }
    return values;
  }

  private static List<Object> pastItems(Schema<?> items, int max) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i <= max; i++) {
      Object v = items == null ? null : Values.distinct(items, i, false);
      values.add(v == null ? Values.valid(items) : v);
    }
    return values;
  }

  private static Object number(BigDecimal value) {
    return value.stripTrailingZeros().scale() <= 0 ? value.toBigInteger() : value;
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
