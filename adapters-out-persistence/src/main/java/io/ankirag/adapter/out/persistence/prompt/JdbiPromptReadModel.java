package io.ankirag.adapter.out.persistence.prompt;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.instant;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.prompt.PromptView;
import io.ankirag.application.port.out.prompt.PromptReadModelPort;
import io.ankirag.domain.prompt.PromptCategory;
import io.ankirag.domain.prompt.PromptId;
import io.ankirag.domain.prompt.PromptVersionId;
import io.ankirag.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.springframework.stereotype.Component;

@Component
class JdbiPromptReadModel implements PromptReadModelPort {

    private static final String LIVE_VERSIONS = """
            SELECT id, prompt_id, name, category, system_prompt, user_prompt_template,
                variables_schema::text AS variables_schema, temperature, max_tokens, version, parent_id, is_active,
                is_system, created_at, created_by
            FROM prompts WHERE deleted_at IS NULL
            """;

    private final Jdbi jdbi;

    JdbiPromptReadModel(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<PromptView> activeVersion(String name) {
        return jdbi.withHandle(h -> h.createQuery(LIVE_VERSIONS + " AND is_active AND name = :name")
                .bind("name", name)
                .map(JdbiPromptReadModel::toView)
                .findOne());
    }

    @Override
    public Optional<PromptView> version(PromptVersionId id) {
        return jdbi.withHandle(h -> h.createQuery(LIVE_VERSIONS + " AND id = :id")
                .bind("id", id.value())
                .map(JdbiPromptReadModel::toView)
                .findOne());
    }

    @Override
    public Optional<PromptView> activeVersion(PromptId id) {
        return jdbi.withHandle(h -> h.createQuery(LIVE_VERSIONS + " AND is_active AND prompt_id = :id")
                .bind("id", id.value())
                .map(JdbiPromptReadModel::toView)
                .findOne());
    }

    @Override
    public List<PromptView> versions(String name) {
        return jdbi.withHandle(h -> h.createQuery(LIVE_VERSIONS + " AND name = :name ORDER BY version DESC")
                .bind("name", name)
                .map(JdbiPromptReadModel::toView)
                .list());
    }

    @Override
    public Page<PromptView> activeVersions(PromptCategory category, PageRequest page) {
        String filter = " AND is_active AND (CAST(:category AS varchar) IS NULL OR category = :category)";
        String categoryName = category == null ? null : category.wireName();
        return jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT count(*) FROM prompts WHERE deleted_at IS NULL" + filter)
                    .bind("category", categoryName)
                    .mapTo(Long.class)
                    .one();
            List<PromptView> items = h.createQuery(LIVE_VERSIONS + filter + " ORDER BY name LIMIT :limit OFFSET :offset")
                    .bind("category", categoryName)
                    .bind("limit", page.size())
                    .bind("offset", page.offset())
                    .map(JdbiPromptReadModel::toView)
                    .list();
            return new Page<>(items, total, page.page(), page.size());
        });
    }

    private static PromptView toView(ResultSet rs, StatementContext ctx) throws SQLException {
        UUID parent = rs.getObject("parent_id", UUID.class);
        return new PromptView(
                new PromptVersionId(rs.getObject("id", UUID.class)),
                new PromptId(rs.getObject("prompt_id", UUID.class)),
                rs.getString("name"),
                rs.getInt("version"),
                parent == null ? null : new PromptVersionId(parent),
                rs.getBoolean("is_active"),
                rs.getBoolean("is_system"),
                PromptCategory.of(rs.getString("category")),
                rs.getString("system_prompt"),
                rs.getString("user_prompt_template"),
                rs.getString("variables_schema"),
                rs.getDouble("temperature"),
                rs.getInt("max_tokens"),
                instant(rs, "created_at"),
                new UserId(rs.getObject("created_by", UUID.class)));
    }
}
