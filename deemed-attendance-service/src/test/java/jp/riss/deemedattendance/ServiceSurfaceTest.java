package jp.riss.deemedattendance;

import io.quarkus.test.junit.QuarkusTest;
import jp.riss.platform.testing.ServiceSurfaceChecks;

/** Health, metrics, the served contract and request ids (see {@link ServiceSurfaceChecks}). */
@QuarkusTest
class ServiceSurfaceTest extends ServiceSurfaceChecks {}
