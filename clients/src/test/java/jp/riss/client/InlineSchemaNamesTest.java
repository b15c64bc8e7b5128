package jp.riss.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The names the check expects the generator to invent, and where it says they stand. */
class InlineSchemaNamesTest {

  private static final String CONTRACT =
      """
      openapi: 3.1.0
      paths:
        /things:
          get:
            operationId: listThings
            responses:
              '200':
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        items:
                          type: array
                          items:
                            type: object
                            properties:
                              code: { type: string }
          post:
            operationId: createThing
            requestBody:
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      name: { type: string }
            responses:
              '201':
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Thing' }
      components:
        schemas:
          Thing:
            type: object
            properties:
              owner:
                anyOf:
                  - type: object
                    properties:
                      name: { type: string }
                  - type: 'null'
              tags:
                type: object
                additionalProperties:
                  type: object
                  properties:
                    since: { type: string }
              parent: { $ref: '#/components/schemas/Thing' }
              year: { type: [integer, string, 'null'] }
      """;

  @Test
  void namesEachInlineObjectAsTheGeneratorDoesAndSaysWhereItIs() throws IOException {
    Map<String, String> names =
        InlineSchemaNames.of(new ObjectMapper(new YAMLFactory()).readTree(CONTRACT));
    assertEquals(
        Map.of(
            "ListThings200Response",
            "GET /things responses/200 application/json schema",
            "ListThings200ResponseItemsInner",
            "GET /things responses/200 application/json schema/properties/items/items",
            "CreateThingRequest",
            "POST /things requestBody application/json schema",
            "ThingOwner",
            "#/components/schemas/Thing/properties/owner",
            "ThingTagsValue",
            "#/components/schemas/Thing/properties/tags/additionalProperties",
            "ThingYear",
            "#/components/schemas/Thing/properties/year (type [\"integer\",\"string\",\"null\"])"),
        names);
  }

  @Test
  void aComponentIsKnownUnderTheGeneratorsSpellingOfItsName() {
    assertTrue(GeneratedModelNamesTest.isComponent("Problem", Set.of("Problem")));
    assertTrue(GeneratedModelNamesTest.isComponent("ModelCase", Set.of("Case")));
    assertTrue(GeneratedModelNamesTest.isComponent("SmeProfile", Set.of("sme-profile")));
    assertFalse(GeneratedModelNamesTest.isComponent("ListThings200Response", Set.of("Thing")));
  }
}
