package io.ankirag.adapter.out.persistence.generation;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.utc;

import io.ankirag.application.port.out.prompt.RecordPromptExecutionPort;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

@Component
class JdbiPromptExecutionLog implements RecordPromptExecutionPort {

    private final Jdbi jdbi;

    JdbiPromptExecutionLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(PromptExecution execution) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO prompt_executions (id, purpose, prompt_id, prompt_version_id, user_id, job_id, provider, model,
                            rendered_system, rendered_user, variables, response_text, input_tokens, output_tokens, latency_ms,
                            attempts, error, created_at)
                        VALUES (:id, :purpose, :prompt, :version, :user, :job, :provider, :model, :system, :userText,
                            CAST(:variables AS jsonb), :response, :inputTokens, :outputTokens, :latency, :attempts, :error, :at)
                        """)
                .bind("id", UUID.randomUUID())
                .bind("purpose", execution.purpose().name().toLowerCase(Locale.ROOT))
                .bind("prompt", execution.promptId() == null ? null : execution.promptId().value())
                .bind("version", execution.versionId() == null ? null : execution.versionId().value())
                .bind("user", execution.userId() == null ? null : execution.userId().value())
                .bind("job", execution.jobId() == null ? null : execution.jobId().value())
                .bind("provider", execution.provider())
                .bind("model", execution.model())
                .bind("system", execution.renderedSystem() == null ? "" : execution.renderedSystem())
                .bind("userText", execution.renderedUser() == null ? "" : execution.renderedUser())
                .bind("variables", GenerationJson.write(execution.variables()))
                .bind("response", execution.responseText())
                .bind("inputTokens", execution.inputTokens())
                .bind("outputTokens", execution.outputTokens())
                .bind("latency", execution.latency().toMillis())
                .bind("attempts", execution.attempts())
                .bind("error", execution.error())
                .bind("at", utc(execution.at()))
                .execute());
    }
}
