package io.ankirag.application.port.out.prompt;

import io.ankirag.domain.generation.GenerationJobId;
import io.ankirag.domain.prompt.PromptId;
import io.ankirag.domain.prompt.PromptVersionId;
import io.ankirag.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** The log of every model call (spec 4.1 {@code prompt_executions}): what was asked, what came back, at what cost. */
public interface RecordPromptExecutionPort {

    enum Purpose {
        GENERATION,
        FACT_CHECK
    }

    /**
     * @param promptId     the prompt family; {@code null} when the call used no stored prompt (fact-checking)
     * @param versionId    the exact version; {@code null} likewise
     * @param jobId        the generation job it served, or {@code null}
     * @param variables    the prompt's variables as JSON values (strings, numbers, booleans, lists, maps)
     * @param responseText the whole answer; {@code null} when the call failed
     * @param error        why the call failed; {@code null} when it succeeded
     */
    record PromptExecution(
            Purpose purpose,
            PromptId promptId,
            PromptVersionId versionId,
            UserId userId,
            GenerationJobId jobId,
            String provider,
            String model,
            String renderedSystem,
            String renderedUser,
            Map<String, Object> variables,
            String responseText,
            int inputTokens,
            int outputTokens,
            Duration latency,
            int attempts,
            String error,
            Instant at) {

        public PromptExecution {
            Objects.requireNonNull(purpose, "purpose");
            variables = variables == null ? Map.of() : Map.copyOf(variables);
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(at, "at");
        }
    }

    void record(PromptExecution execution);
}
