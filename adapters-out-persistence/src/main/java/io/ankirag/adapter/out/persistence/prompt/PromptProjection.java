package io.ankirag.adapter.out.persistence.prompt;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.utc;

import io.ankirag.domain.prompt.PromptEvent;
import io.ankirag.domain.prompt.PromptEvent.PromptCreated;
import io.ankirag.domain.prompt.PromptEvent.PromptDeleted;
import io.ankirag.domain.prompt.PromptEvent.PromptRevised;
import io.ankirag.domain.prompt.PromptEvent.PromptVersionActivated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code prompts} table, one row per version. Versions never change once written, so a replayed
 * creation or revision is ignored; activation and deletion are plain overwrites. Replays are safe either way.
 */
@Component
@ProcessingGroup(PromptProjection.PROCESSING_GROUP)
class PromptProjection {

    static final String PROCESSING_GROUP = "prompts";

    private final Jdbi jdbi;

    PromptProjection(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @EventHandler
    void on(PromptEvent event) {
        switch (event) {
            case PromptCreated created -> jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO prompts (id, prompt_id, name, category, system_prompt, user_prompt_template,
                                variables_schema, temperature, max_tokens, version, parent_id, is_active, is_system,
                                created_at, created_by)
                            VALUES (:id, :prompt, :name, :category, :system_prompt, :user_prompt_template,
                                CAST(:variables_schema AS jsonb), :temperature, :max_tokens, 1, NULL, TRUE, :system,
                                :at, :by)
                            ON CONFLICT (id) DO NOTHING
                            """)
                    .bind("id", created.versionId().value())
                    .bind("prompt", created.promptId().value())
                    .bind("name", created.name())
                    .bind("category", created.category().wireName())
                    .bind("system_prompt", created.systemPrompt())
                    .bind("user_prompt_template", created.userPromptTemplate())
                    .bind("variables_schema", created.variablesSchema())
                    .bind("temperature", created.temperature())
                    .bind("max_tokens", created.maxTokens())
                    .bind("system", created.system())
                    .bind("at", utc(created.at()))
                    .bind("by", created.createdBy().value())
                    .execute());
            // The name and whether it is a system prompt belong to the family: copied from version 1.
            case PromptRevised revised -> jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO prompts (id, prompt_id, name, category, system_prompt, user_prompt_template,
                                variables_schema, temperature, max_tokens, version, parent_id, is_active, is_system,
                                created_at, created_by)
                            SELECT :id, prompt_id, name, :category, :system_prompt, :user_prompt_template,
                                CAST(:variables_schema AS jsonb), :temperature, :max_tokens, :version, :parent, FALSE,
                                is_system, :at, :by
                            FROM prompts WHERE prompt_id = :prompt AND version = 1
                            ON CONFLICT (id) DO NOTHING
                            """)
                    .bind("id", revised.versionId().value())
                    .bind("prompt", revised.promptId().value())
                    .bind("category", revised.category().wireName())
                    .bind("system_prompt", revised.systemPrompt())
                    .bind("user_prompt_template", revised.userPromptTemplate())
                    .bind("variables_schema", revised.variablesSchema())
                    .bind("temperature", revised.temperature())
                    .bind("max_tokens", revised.maxTokens())
                    .bind("version", revised.version())
                    .bind("parent", revised.parentId().value())
                    .bind("at", utc(revised.at()))
                    .bind("by", revised.createdBy().value())
                    .execute());
            // Two statements in the batch's transaction: the unique index on the active version is checked row by
            // row, so the old one steps down first.
            case PromptVersionActivated activated -> jdbi.useHandle(h -> {
                h.createUpdate("UPDATE prompts SET is_active = FALSE WHERE prompt_id = :prompt AND is_active AND id <> :id")
                        .bind("prompt", activated.promptId().value())
                        .bind("id", activated.versionId().value())
                        .execute();
                h.createUpdate("UPDATE prompts SET is_active = TRUE WHERE id = :id")
                        .bind("id", activated.versionId().value())
                        .execute();
            });
            case PromptDeleted deleted -> jdbi.useHandle(h -> h.createUpdate(
                            "UPDATE prompts SET deleted_at = :at WHERE prompt_id = :prompt AND deleted_at IS NULL")
                    .bind("at", utc(deleted.at()))
                    .bind("prompt", deleted.promptId().value())
                    .execute());
        }
    }

    @ResetHandler
    void reset() {
        jdbi.useHandle(h -> h.execute("TRUNCATE prompts"));
    }
}
