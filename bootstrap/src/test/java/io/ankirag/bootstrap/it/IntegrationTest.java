package io.ankirag.bootstrap.it;

import io.ankirag.bootstrap.testing.FakeLlms;
import io.ankirag.bootstrap.testing.GenerationTestPorts;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, against the real PostgreSQL and Redis that scripts/infra.sh runs, with
 * the real LLM adapters talking to fake servers over HTTP ({@link FakeLlms}), scripted through
 * {@link GenerationTestPorts}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({FreshDatabase.class, RateLimitedTestEndpoint.class, GenerationTestPorts.class})
@ContextConfiguration(initializers = FakeLlms.class)
@interface IntegrationTest {
}
