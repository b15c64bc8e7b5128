package jp.riss.activelist;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import jp.riss.platform.testing.DevJwtResource;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.testing.PostgresResource;
import jp.riss.platform.testing.SmtpResource;

/** The real PostgreSQL and Kafka every test of this module shares (one Quarkus boot). */
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "activelist_test"),
    scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.GLOBAL)
public final class ActiveListTestEnvironment {
  private ActiveListTestEnvironment() {}
}
