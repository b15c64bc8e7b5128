package jp.riss.deemedattendance;

import io.quarkus.test.junit.QuarkusTest;
import jp.riss.platform.testing.AsyncApiChecks;

/**
 * The AsyncAPI document against the code and what GET /asyncapi serves ({@link AsyncApiChecks}).
 */
@QuarkusTest
class AsyncApiTest extends AsyncApiChecks {}
