package io.ankirag.adapter.out.persistence.generation;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.instant;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.generation.CardGenerationView;
import io.ankirag.application.port.in.generation.GeneratedCardView;
import io.ankirag.application.port.in.generation.GenerationIssueView;
import io.ankirag.application.port.in.generation.GenerationJobView;
import io.ankirag.application.port.out.generation.GenerationJobReadModelPort;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.generation.Difficulty;
import io.ankirag.domain.generation.GenerationJobId;
import io.ankirag.domain.generation.GenerationStatus;
import io.ankirag.domain.prompt.PromptId;
import io.ankirag.domain.prompt.PromptVersionId;
import io.ankirag.domain.template.TemplateId;
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
class JdbiGenerationJobReadModel implements GenerationJobReadModelPort {

    private static final String JOBS = """
            SELECT id, owner_id, status, topic, num_cards, deck_id, prompt_id, prompt_version_id, language, difficulty,
                fact_check, include_sources, message, cards_created, duplicates_dropped, candidates_failed, runs,
                error_code, error_message, created_at, started_at, finished_at
            FROM generation_jobs
            """;

    private final Jdbi jdbi;

    JdbiGenerationJobReadModel(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<GenerationJobView> job(GenerationJobId id) {
        return jdbi.withHandle(h -> h.createQuery(JOBS + " WHERE id = :id")
                .bind("id", id.value())
                .map(JdbiGenerationJobReadModel::job)
                .findOne());
    }

    @Override
    public Page<GenerationJobView> jobsOf(UserId owner, PageRequest page) {
        return jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT count(*) FROM generation_jobs WHERE owner_id = :owner")
                    .bind("owner", owner.value())
                    .mapTo(Long.class)
                    .one();
            List<GenerationJobView> items = h.createQuery(JOBS
                            + " WHERE owner_id = :owner ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                    .bind("owner", owner.value())
                    .bind("limit", page.size())
                    .bind("offset", page.offset())
                    .map(JdbiGenerationJobReadModel::job)
                    .list();
            return new Page<>(items, total, page.page(), page.size());
        });
    }

    @Override
    public List<GeneratedCardView> cards(GenerationJobId id, int afterSequence) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT sequence, card_id, template_id, fields::text AS fields, fact_check::text AS fact_check, created_at
                        FROM generation_job_cards WHERE job_id = :job AND sequence > :after ORDER BY sequence
                        """)
                .bind("job", id.value())
                .bind("after", afterSequence)
                .map((rs, ctx) -> new GeneratedCardView(
                        rs.getInt("sequence"),
                        new CardId(rs.getObject("card_id", UUID.class)),
                        new TemplateId(rs.getObject("template_id", UUID.class)),
                        GenerationJson.fields(rs.getString("fields")),
                        GenerationJson.factCheck(rs.getString("fact_check")),
                        instant(rs, "created_at")))
                .list());
    }

    @Override
    public List<GenerationIssueView> issues(GenerationJobId id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT candidate, kind, fields::text AS fields, duplicate_of, similarity, error_code, reason, created_at
                        FROM generation_job_issues WHERE job_id = :job ORDER BY candidate
                        """)
                .bind("job", id.value())
                .map((rs, ctx) -> {
                    UUID duplicateOf = rs.getObject("duplicate_of", UUID.class);
                    String code = rs.getString("error_code");
                    double similarity = rs.getDouble("similarity");
                    Double maybeSimilarity = rs.wasNull() ? null : similarity;
                    return new GenerationIssueView(
                            rs.getInt("candidate"),
                            "duplicate".equals(rs.getString("kind")) ? GenerationIssueView.Kind.DUPLICATE : GenerationIssueView.Kind.REJECTED,
                            GenerationJson.fields(rs.getString("fields")),
                            duplicateOf == null ? null : new CardId(duplicateOf),
                            maybeSimilarity,
                            code == null ? null : ErrorCode.valueOf(code),
                            rs.getString("reason"),
                            instant(rs, "created_at"));
                })
                .list());
    }

    @Override
    public Optional<CardGenerationView> generationOf(CardId card) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT card_id, job_id, owner_id, user_request->>'topic' AS topic, user_request->>'language' AS language,
                            user_request->>'difficulty' AS difficulty, prompt_id, prompt_version_id, model,
                            fact_check_result::text AS fact_check, created_at
                        FROM card_generation_info WHERE card_id = :card
                        """)
                .bind("card", card.value())
                .map((rs, ctx) -> new CardGenerationView(
                        new CardId(rs.getObject("card_id", UUID.class)),
                        new GenerationJobId(rs.getObject("job_id", UUID.class)),
                        new UserId(rs.getObject("owner_id", UUID.class)),
                        rs.getString("topic"),
                        rs.getString("language"),
                        rs.getString("difficulty"),
                        new PromptId(rs.getObject("prompt_id", UUID.class)),
                        new PromptVersionId(rs.getObject("prompt_version_id", UUID.class)),
                        rs.getString("model"),
                        GenerationJson.factCheck(rs.getString("fact_check")),
                        instant(rs, "created_at")))
                .findOne());
    }

    private static GenerationJobView job(ResultSet rs, StatementContext ctx) throws SQLException {
        String code = rs.getString("error_code");
        return new GenerationJobView(
                new GenerationJobId(rs.getObject("id", UUID.class)),
                new UserId(rs.getObject("owner_id", UUID.class)),
                GenerationStatus.ofWireName(rs.getString("status")),
                rs.getString("topic"),
                rs.getInt("num_cards"),
                new DeckId(rs.getObject("deck_id", UUID.class)),
                new PromptId(rs.getObject("prompt_id", UUID.class)),
                new PromptVersionId(rs.getObject("prompt_version_id", UUID.class)),
                rs.getString("language"),
                Difficulty.of(rs.getString("difficulty")),
                rs.getBoolean("fact_check"),
                rs.getBoolean("include_sources"),
                rs.getString("message"),
                rs.getInt("cards_created"),
                rs.getInt("duplicates_dropped"),
                rs.getInt("candidates_failed"),
                rs.getInt("runs"),
                code == null ? null : ErrorCode.valueOf(code),
                rs.getString("error_message"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }
}
