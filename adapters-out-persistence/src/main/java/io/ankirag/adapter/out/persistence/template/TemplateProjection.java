package io.ankirag.adapter.out.persistence.template;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.utc;

import io.ankirag.domain.template.TemplateEvent;
import io.ankirag.domain.template.TemplateEvent.TemplateCreated;
import io.ankirag.domain.template.TemplateEvent.TemplateDeleted;
import io.ankirag.domain.template.TemplateEvent.TemplateRevised;
import io.ankirag.domain.user.UserId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/** Keeps the {@code card_templates} table; every write is an idempotent upsert or overwrite, so replays are safe. */
@Component
@ProcessingGroup(TemplateProjection.PROCESSING_GROUP)
class TemplateProjection {

    static final String PROCESSING_GROUP = "templates";

    private final Jdbi jdbi;

    TemplateProjection(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @EventHandler
    void on(TemplateEvent event) {
        switch (event) {
            case TemplateCreated created -> jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO card_templates (id, owner_id, name, display_name, kind, fields, card_types, css,
                                is_system, created_at, updated_at)
                            VALUES (:id, :owner, :name, :displayName, :kind, CAST(:fields AS jsonb), CAST(:cardTypes AS jsonb),
                                :css, :system, :at, :at)
                            ON CONFLICT (id) DO UPDATE SET owner_id = :owner, name = :name, display_name = :displayName,
                                kind = :kind, fields = CAST(:fields AS jsonb), card_types = CAST(:cardTypes AS jsonb),
                                css = :css, is_system = :system, created_at = :at, updated_at = :at, deleted_at = NULL
                            """)
                    .bind("id", created.templateId().value())
                    .bind("owner", created.ownerId().value())
                    .bind("name", created.name())
                    .bind("displayName", created.displayName())
                    .bind("kind", created.kind().name())
                    .bind("fields", TemplateJson.write(created.fields()))
                    .bind("cardTypes", TemplateJson.write(created.cardTypes()))
                    .bind("css", created.css())
                    .bind("system", created.ownerId().equals(UserId.SYSTEM))
                    .bind("at", utc(created.at()))
                    .execute());
            case TemplateRevised revised -> jdbi.useHandle(h -> h.createUpdate("""
                            UPDATE card_templates SET display_name = :displayName, fields = CAST(:fields AS jsonb),
                                card_types = CAST(:cardTypes AS jsonb), css = :css, updated_at = :at
                            WHERE id = :id
                            """)
                    .bind("id", revised.templateId().value())
                    .bind("displayName", revised.displayName())
                    .bind("fields", TemplateJson.write(revised.fields()))
                    .bind("cardTypes", TemplateJson.write(revised.cardTypes()))
                    .bind("css", revised.css())
                    .bind("at", utc(revised.at()))
                    .execute());
            case TemplateDeleted deleted -> jdbi.useHandle(h -> h.createUpdate(
                            "UPDATE card_templates SET deleted_at = :at, updated_at = :at WHERE id = :id")
                    .bind("id", deleted.templateId().value())
                    .bind("at", utc(deleted.at()))
                    .execute());
        }
    }

    @ResetHandler
    void reset() {
        jdbi.useHandle(h -> h.execute("TRUNCATE card_templates"));
    }
}
