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
        assertThat(settings.raw().body()).doesNotContain("fake-openai-key", "fake-perplexity-key", "http://");
    }

    @Test
    void strangersSeeNothing() {
        var anonymous = api.get("/api/settings/health", null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("AUTH_001");
    }
}
