package io.ankirag.adapter.out.persistence.template;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.instant;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.template.TemplateView;
import io.ankirag.application.port.out.template.FindTemplateFieldsPort;
import io.ankirag.application.port.out.template.TemplateReadModelPort;
import io.ankirag.domain.template.TemplateFields;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.template.TemplateKind;
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
class JdbiTemplateReadModel implements TemplateReadModelPort, FindTemplateFieldsPort {

    private static final String VISIBLE = " FROM card_templates WHERE deleted_at IS NULL AND (is_system OR owner_id = :user)";
    private static final String COLUMNS = """
            SELECT id, owner_id, name, display_name, kind, fields, card_types, css, is_system, created_at, updated_at
            """;

    private final Jdbi jdbi;

    JdbiTemplateReadModel(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<TemplateView> visibleTemplate(UserId user, TemplateId id) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + VISIBLE + " AND id = :id")
                .bind("user", user.value())
                .bind("id", id.value())
                .map(JdbiTemplateReadModel::toView)
                .findOne());
    }

    @Override
    public Page<TemplateView> visibleTemplatePage(UserId user, PageRequest page) {
        return jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT count(*)" + VISIBLE)
                    .bind("user", user.value())
                    .mapTo(Long.class)
                    .one();
            List<TemplateView> items = h.createQuery(COLUMNS + VISIBLE
                            + " ORDER BY is_system DESC, lower(name), id LIMIT :limit OFFSET :offset")
                    .bind("user", user.value())
                    .bind("limit", page.size())
                    .bind("offset", page.offset())
                    .map(JdbiTemplateReadModel::toView)
                    .list();
            return new Page<>(items, total, page.page(), page.size());
        });
    }

    @Override
    public boolean ownsTemplateNamed(UserId owner, String name) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM card_templates
                                       WHERE owner_id = :owner AND lower(name) = lower(:name) AND deleted_at IS NULL)
                        """)
                .bind("owner", owner.value())
                .bind("name", name)
                .mapTo(Boolean.class)
                .one());
    }

    @Override
    public Optional<TemplateView> ownTemplateNamed(UserId owner, String name) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS
                        + " FROM card_templates WHERE deleted_at IS NULL AND NOT is_system AND owner_id = :owner"
                        + " AND lower(name) = lower(:name) ORDER BY created_at LIMIT 1")
                .bind("owner", owner.value())
                .bind("name", name)
                .map(JdbiTemplateReadModel::toView)
                .findOne());
    }

    @Override
    public long liveCardsUsing(UserId owner, TemplateId template) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM cards WHERE owner_id = :owner AND template_id = :template AND deleted_at IS NULL")
                .bind("owner", owner.value())
                .bind("template", template.value())
                .mapTo(Long.class)
                .one());
    }

    @Override
    public Optional<TemplateFields> templateFieldsFor(UserId user, TemplateId template) {
        return jdbi.withHandle(h -> h.createQuery("SELECT fields" + VISIBLE + " AND id = :id")
                .bind("user", user.value())
                .bind("id", template.value())
                .mapTo(String.class)
                .findOne()
                .map(json -> new TemplateFields(TemplateJson.fields(json))));
    }

    private static TemplateView toView(ResultSet rs, StatementContext ctx) throws SQLException {
        return new TemplateView(
                new TemplateId(rs.getObject("id", UUID.class)),
                new UserId(rs.getObject("owner_id", UUID.class)),
                rs.getString("name"),
                rs.getString("display_name"),
                TemplateKind.valueOf(rs.getString("kind")),
                new TemplateFields(TemplateJson.fields(rs.getString("fields"))),
                TemplateJson.cardTypes(rs.getString("card_types")),
                rs.getString("css"),
                rs.getBoolean("is_system"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
