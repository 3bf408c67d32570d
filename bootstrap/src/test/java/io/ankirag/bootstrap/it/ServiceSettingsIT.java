package io.ankirag.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.bootstrap.testing.FakeLlms;
import org.junit.jupiter.api.Test;

@IntegrationTest
class ServiceSettingsIT extends HttpApiTestBase {

    @Test
    void everySignedInUserSeesWhichModelsAreConfiguredWithoutTheirKeys() {
        var settings = api.get("/api/settings/health", accounts.register().accessToken());

        assertThat(settings.status()).isEqualTo(200);
        var body = settings.body();
        assertThat(body.path("llm").path("provider").asText()).isEqualTo("openai");
        assertThat(body.path("llm").path("model").asText()).isEqualTo(FakeLlms.MODEL);
        assertThat(body.path("llm").path("configured").asBoolean()).isTrue();
        assertThat(body.path("llm").path("missing_setting").isNull()).isTrue();
        assertThat(body.path("fact_check").path("provider").asText()).isEqualTo("perplexity");
        assertThat(body.path("fact_check").path("configured").asBoolean()).isTrue();
        assertThat(body.path("embedding").path("model").asText()).isEqualTo("onnx/all-minilm-l6-v2-q/384");
        assertThat(body.path("embedding").path("status").asText()).isIn("ok", "indexing", "failing");
        assertThat(settings.raw().body()).doesNotContain("fake-openai-key", "fake-perplexity-key",
                FakeLlms.OPENAI.baseUrl().toString(), FakeLlms.PERPLEXITY.baseUrl().toString());
    }

    @Test
    void anAnkiThatIsNotRunningIsShownAsNotReachableWithoutFailingThePage() {
        // Nothing listens on AnkiConnect's default address in the test context: the connection is refused.
        long started = System.nanoTime();
        var settings = api.get("/api/settings/health", accounts.register().accessToken());
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(settings.status()).isEqualTo(200);
        var anki = settings.body().path("anki");
        assertThat(anki.path("url").asText()).isEqualTo("http://127.0.0.1:8765");
        assertThat(anki.path("reachable").asBoolean()).isFalse();
        assertThat(anki.path("version").isNull()).isTrue();
        assertThat(anki.path("problem_code").asText()).isEqualTo("SYNC_001");
        assertThat(anki.path("problem").asText()).isNotBlank();
        assertThat(tookMillis).as("the page waits for Anki at most the health timeout (2 s)").isLessThan(2_500);
    }

    @Test
    void strangersSeeNothing() {
        var anonymous = api.get("/api/settings/health", null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("AUTH_001");
    }
}
