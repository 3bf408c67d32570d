package io.ankirag.bootstrap.config;

import io.ankirag.application.anki.ReadLimits;
import io.ankirag.application.auth.AuthService;
import io.ankirag.application.auth.AuthSettings;
import io.ankirag.application.card.CardService;
import io.ankirag.application.deck.DeckService;
import io.ankirag.application.health.HealthService;
import io.ankirag.application.port.out.anki.ReadAnkiPackagePort;
import io.ankirag.application.port.out.anki.WriteAnkiPackagePort;
import io.ankirag.application.port.out.auth.RefreshTokenStorePort;
import io.ankirag.application.port.out.auth.RevokeRefreshTokensPort;
import io.ankirag.application.port.out.card.CardEventStreamPort;
import io.ankirag.application.port.out.card.CardReadModelPort;
import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.application.port.out.deck.DeckReadModelPort;
import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.application.port.out.embedding.FindEmbedderPort;
import io.ankirag.application.port.out.health.EventProcessorStatusPort;
import io.ankirag.application.port.out.health.ProbeDatabasePort;
import io.ankirag.application.port.out.health.ProbeRedisPort;
import io.ankirag.application.port.out.media.StoreMediaPort;
import io.ankirag.application.port.out.prompt.PromptReadModelPort;
import io.ankirag.application.port.out.prompt.ValidateJsonSchemaPort;
import io.ankirag.application.port.out.rag.EmbeddingQueuePort;
import io.ankirag.application.port.out.rag.EmbeddingQueuePort.Backoff;
import io.ankirag.application.port.out.rag.RebuildSearchIndexPort;
import io.ankirag.application.port.out.rag.SearchCardIndexPort;
import io.ankirag.application.port.out.rag.SearchIndexModelsPort;
import io.ankirag.application.port.out.replay.ReplayProjectionsPort;
import io.ankirag.application.port.out.template.FindTemplateFieldsPort;
import io.ankirag.application.port.out.template.TemplateReadModelPort;
import io.ankirag.application.port.out.user.HashPasswordPort;
import io.ankirag.application.port.out.user.ListUsersPort;
import io.ankirag.application.port.out.user.LoadUserPort;
import io.ankirag.application.port.out.user.SaveUserPort;
import io.ankirag.application.prompt.PromptService;
import io.ankirag.application.rag.CardSearchService;
import io.ankirag.application.rag.DuplicateFinder;
import io.ankirag.application.rag.SearchIndexService;
import io.ankirag.application.rag.ServingEmbedder;
import io.ankirag.application.replay.ReplayService;
import io.ankirag.application.sync.AnkiExportService;
import io.ankirag.application.sync.AnkiImportService;
import io.ankirag.application.template.TemplateService;
import io.ankirag.application.user.UserService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.time.Clock;
import java.time.Duration;

/** The application layer is plain Java; this is where its services meet their adapters. */
@Configuration(proxyBeanMethods = false)
class ApplicationServicesConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AuthService authService(LoadUserPort loadUser, SaveUserPort saveUser, HashPasswordPort passwords,
                            RefreshTokenStorePort refreshTokens, RevokeRefreshTokensPort revocations,
                            @Value("${ankirag.jwt.refresh-token-lifetime}") Duration refreshTokenLifetime, Clock clock) {
        return new AuthService(loadUser, saveUser, passwords, refreshTokens, revocations,
                new AuthSettings(refreshTokenLifetime), clock);
    }

    @Bean
    UserService userService(LoadUserPort loadUser, SaveUserPort saveUser, ListUsersPort listUsers,
                            HashPasswordPort passwords, RevokeRefreshTokensPort revocations, Clock clock) {
        return new UserService(loadUser, saveUser, listUsers, passwords, revocations, clock);
    }

    @Bean
    DeckService deckService(SendCommandPort commands, DeckReadModelPort decks, CardService cards, Clock clock) {
        return new DeckService(commands, decks, cards, clock);
    }

    @Bean
    CardService cardService(SendCommandPort commands, CardReadModelPort cards, CardEventStreamPort events,
                            FindTemplateFieldsPort templates, DeckReadModelPort decks, Clock clock) {
        return new CardService(commands, cards, events, templates, decks, clock);
    }

    @Bean
    AnkiImportService ankiImportService(ReadAnkiPackagePort reader, SendCommandPort commands, DeckReadModelPort decks,
                                        TemplateReadModelPort templates, FindTemplateFieldsPort templateFields,
                                        CardReadModelPort cards, StoreMediaPort media, Clock clock) {
        return new AnkiImportService(reader, commands, decks, templates, templateFields, cards, media,
                ReadLimits.defaults(), clock);
    }

    @Bean
    AnkiExportService ankiExportService(DeckReadModelPort decks, CardReadModelPort cards, TemplateReadModelPort templates,
                                        StoreMediaPort media, WriteAnkiPackagePort writer) {
        return new AnkiExportService(decks, cards, templates, media, writer);
    }

    @Bean
    ServingEmbedder servingEmbedder(SearchIndexModelsPort models, FindEmbedderPort embedders, EmbedTextsPort configured) {
        return new ServingEmbedder(models, embedders, configured);
    }

    @Bean
    DuplicateFinder duplicateFinder(ServingEmbedder embedder, SearchCardIndexPort index, CardReadModelPort cards) {
        return new DuplicateFinder(embedder, index, cards);
    }

    @Bean
    CardSearchService cardSearchService(ServingEmbedder embedder, SearchCardIndexPort index, CardReadModelPort cards,
                                        DeckReadModelPort decks) {
        return new CardSearchService(embedder, index, cards, decks);
    }

    @Bean
    SearchIndexService searchIndexService(EmbedTextsPort configured, FindEmbedderPort embedders, SearchIndexModelsPort models,
                                          EmbeddingQueuePort queue, RebuildSearchIndexPort projection,
                                          @Value("${ankirag.embedding.batch-size}") int batchSize,
                                          @Value("${ankirag.embedding.worker.retry-first-delay:10s}") Duration firstRetry,
                                          @Value("${ankirag.embedding.worker.retry-max-delay:10m}") Duration maxRetry) {
        return new SearchIndexService(configured, embedders, models, queue, projection,
                new SearchIndexService.Settings(batchSize, new Backoff(firstRetry, maxRetry)));
    }

    @Bean
    ReplayService replayService(ReplayProjectionsPort projections) {
        return new ReplayService(projections);
    }

    @Bean
    PromptService promptService(SendCommandPort commands, PromptReadModelPort prompts, ValidateJsonSchemaPort schemas, Clock clock) {
        return new PromptService(commands, prompts, schemas, clock);
    }

    @Bean
    TemplateService templateService(SendCommandPort commands, TemplateReadModelPort templates, Clock clock) {
        return new TemplateService(commands, templates, clock);
    }

    @Bean
    HealthService healthService(ProbeDatabasePort database, ProbeRedisPort redis, EventProcessorStatusPort processors) {
        return new HealthService(database, redis, processors);
    }
}
