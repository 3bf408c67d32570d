package io.ankirag.bootstrap.config;

import io.ankirag.application.anki.ReadLimits;
import io.ankirag.application.auth.AuthService;
import io.ankirag.application.auth.AuthSettings;
import io.ankirag.application.card.CardService;
import io.ankirag.application.deck.DeckService;
import io.ankirag.application.chat.ChatService;
import io.ankirag.application.chat.ChatSettings;
import io.ankirag.application.generation.GenerationPipeline;
import io.ankirag.application.generation.GenerationService;
import io.ankirag.application.generation.GenerationSettings;
import io.ankirag.application.generation.GenerationWorker;
import io.ankirag.application.generation.GenerationWorker.WorkerSettings;
import io.ankirag.application.health.HealthService;
import io.ankirag.application.health.ServiceSettingsService;
import io.ankirag.application.port.out.anki.AnkiConnectPort;
import io.ankirag.application.port.out.anki.ReadAnkiPackagePort;
import io.ankirag.application.port.out.anki.WriteAnkiPackagePort;
import io.ankirag.application.port.out.auth.RefreshTokenStorePort;
import io.ankirag.application.port.out.auth.RevokeRefreshTokensPort;
import io.ankirag.application.port.out.card.CardEventStreamPort;
import io.ankirag.application.port.out.card.CardReadModelPort;
import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.application.port.out.deck.DeckReadModelPort;
import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.application.port.out.chat.ChatReadModelPort;
import io.ankirag.application.port.out.generation.GenerationJobReadModelPort;
import io.ankirag.application.port.out.generation.GenerationWorkQueuePort;
import io.ankirag.application.port.out.idempotency.IdempotencyKeysPort;
import io.ankirag.application.port.out.llm.ChatModelPort;
import io.ankirag.application.port.out.llm.FactCheckPort;
import io.ankirag.application.port.out.llm.LanguageModelSettingsPort;
import io.ankirag.application.port.out.ratelimit.RateLimitPort;
import io.ankirag.application.port.out.signal.SignalsPort;
import io.ankirag.application.port.out.prompt.RecordPromptExecutionPort;
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
import io.ankirag.application.port.out.sync.ImportJobQueuePort;
import io.ankirag.application.port.out.sync.ImportJobReadModelPort;
import io.ankirag.application.port.out.sync.ImportProgressPort;
import io.ankirag.application.port.out.sync.ImportUploadsPort;
import io.ankirag.application.port.out.sync.SyncTaskQueuePort;
import io.ankirag.application.port.out.sync.SyncTaskReadModelPort;
import io.ankirag.application.port.out.template.FindTemplateFieldsPort;
import io.ankirag.application.port.out.template.TemplateReadModelPort;
import io.ankirag.application.port.out.user.HashPasswordPort;
import io.ankirag.application.port.out.user.ListUsersPort;
import io.ankirag.application.port.out.user.LoadUserPort;
import io.ankirag.application.port.out.user.SaveUserPort;
import io.ankirag.application.prompt.PromptService;
import io.ankirag.application.rag.CardSearchService;
import io.ankirag.application.rag.DuplicateFinder;
import io.ankirag.application.rag.EmbeddingLanguages;
import io.ankirag.application.rag.RagStatusService;
import io.ankirag.application.ratelimit.RateLimitSettings;
import io.ankirag.application.ratelimit.RateLimiter;
import io.ankirag.application.rag.SearchIndexService;
import io.ankirag.application.rag.ServingEmbedder;
import io.ankirag.application.replay.ReplayService;
import io.ankirag.application.sync.AnkiExportService;
import io.ankirag.application.sync.AnkiImportService;
import io.ankirag.application.sync.AnkiSyncService;
import io.ankirag.application.sync.SyncSettings;
import io.ankirag.application.sync.ImportJobService;
import io.ankirag.application.sync.ImportJobSettings;
import io.ankirag.application.template.TemplateService;
import io.ankirag.application.user.UserService;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

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
    ImportJobService importJobService(AnkiImportService imports, ImportJobQueuePort queue, ImportProgressPort progress,
                                      ImportJobReadModelPort jobs, ImportUploadsPort uploads,
                                      @Value("${ankirag.import.inline-max-bytes}") DataSize inlineMaxBytes,
                                      @Value("${ankirag.import.lease}") Duration lease,
                                      @Value("${ankirag.import.max-attempts}") int maxAttempts,
                                      @Value("${ankirag.import.retry-delay}") Duration retryDelay, Clock clock) {
        return new ImportJobService(imports, queue, progress, jobs, uploads,
                new ImportJobSettings(inlineMaxBytes.toBytes(), lease, maxAttempts, retryDelay), clock);
    }

    @Bean
    AnkiSyncService ankiSyncService(AnkiConnectPort anki, SyncTaskQueuePort queue, SyncTaskReadModelPort tasks,
                                    CardReadModelPort cards, DeckReadModelPort decks, TemplateReadModelPort templates,
                                    StoreMediaPort media, SendCommandPort commands, AnkiImportService imports,
                                    @Value("${ankirag.sync.retry-delays}") List<Duration> retryDelays,
                                    @Value("${ankirag.sync.lease}") Duration lease,
                                    @Value("${ankirag.sync.batch-size}") int batchSize,
                                    @Value("${ankirag.sync.max-cards}") int maxCards,
                                    @Value("${ankirag.sync.conflict-policy}") String conflictPolicy, Clock clock) {
        return new AnkiSyncService(anki, queue, tasks, cards, decks, templates, media, commands, imports,
                new SyncSettings(retryDelays, lease, batchSize, maxCards,
                        SyncSettings.ConflictPolicy.valueOf(conflictPolicy.strip().toUpperCase(java.util.Locale.ROOT))),
                clock);
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
    EmbeddingLanguages embeddingLanguages(
            @Value("${ankirag.embedding.multilingual-models:" + EmbeddingLanguages.DEFAULT_MULTILINGUAL_MODELS + "}") String multilingual,
            @Value("${ankirag.search.hybrid.foreign-semantic-weight:0.25}") double foreignSemanticWeight,
            @Value("${ankirag.rag.duplicates.min-word-overlap:0.5}") double minWordOverlap) {
        return new EmbeddingLanguages(Pattern.compile(multilingual), foreignSemanticWeight, minWordOverlap);
    }

    @Bean
    DuplicateFinder duplicateFinder(ServingEmbedder embedder, SearchCardIndexPort index, CardReadModelPort cards,
                                    EmbeddingLanguages languages) {
        return new DuplicateFinder(embedder, index, cards, languages);
    }

    @Bean
    CardSearchService cardSearchService(ServingEmbedder embedder, SearchCardIndexPort index, CardReadModelPort cards,
                                        DeckReadModelPort decks, EmbeddingLanguages languages) {
        // Virtual threads: the lexical branch of a hybrid search only waits on the database.
        return new CardSearchService(embedder, index, cards, decks, Executors.newVirtualThreadPerTaskExecutor(), languages);
    }

    @Bean
    RagStatusService ragStatusService(EmbedTextsPort configured, SearchIndexModelsPort models, SearchCardIndexPort index,
                                      EmbeddingLanguages languages) {
        return new RagStatusService(configured, models, index, languages);
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

    /** {@code RATE_LIMIT_GENERATION} and {@code RATE_LIMIT_CHAT}; a malformed one stops the start, naming it. */
    @Bean
    RateLimitSettings rateLimitSettings(@Value("${ankirag.rate-limit.generation}") String generation,
                                        @Value("${ankirag.rate-limit.chat}") String chat) {
        return RateLimitSettings.parse(generation, chat);
    }

    @Bean
    RateLimiter rateLimiter(RateLimitPort counters) {
        return new RateLimiter(counters);
    }

    @Bean
    HealthService healthService(ProbeDatabasePort database, ProbeRedisPort redis, EventProcessorStatusPort processors) {
        return new HealthService(database, redis, processors);
    }

    @Bean
    ServiceSettingsService serviceSettingsService(LanguageModelSettingsPort models, SearchIndexService index,
                                                  AnkiConnectPort anki,
                                                  @Value("${ankirag.anki-connect.health-timeout}") Duration ankiTimeout) {
        return new ServiceSettingsService(models, index, anki, ankiTimeout);
    }

    @Bean
    GenerationSettings generationSettings(@Value("${ankirag.llm.default-model}") String model,
                                          RateLimitSettings rateLimits,
                                          @Value("${ankirag.generation.idempotency-window:24h}") Duration idempotencyWindow,
                                          @Value("${ankirag.generation.duplicate-threshold:0.8}") double duplicateThreshold,
                                          @Value("${ankirag.generation.context-cards:10}") int contextCards,
                                          @Value("${ankirag.generation.context-threshold:0.5}") double contextThreshold,
                                          @Value("${ankirag.generation.fact-check-concurrency:4}") int factCheckConcurrency) {
        return new GenerationSettings(model, rateLimits.generation(), idempotencyWindow, duplicateThreshold, contextCards,
                contextThreshold, factCheckConcurrency, GenerationSettings.DEFAULT_DECK_NAME);
    }

    @Bean
    GenerationService generationService(SendCommandPort commands, GenerationJobReadModelPort jobs, DeckReadModelPort decks,
                                        DeckService deckService, PromptReadModelPort prompts, LoadUserPort users,
                                        RateLimiter rateLimiter, IdempotencyKeysPort idempotencyKeys,
                                        SignalsPort signals, GenerationSettings settings, Clock clock) {
        return new GenerationService(commands, jobs, decks, deckService, prompts, users, rateLimiter, idempotencyKeys, signals,
                settings, clock);
    }

    @Bean
    GenerationPipeline generationPipeline(SendCommandPort commands, GenerationJobReadModelPort jobs, CardSearchService search,
                                          DuplicateFinder duplicates, PromptService promptService, PromptReadModelPort prompts,
                                          FindTemplateFieldsPort templates, ChatModelPort chat,
                                          FactCheckPort factChecker, RecordPromptExecutionPort executions,
                                          GenerationSettings settings, Clock clock) {
        return new GenerationPipeline(commands, jobs, search, duplicates, promptService, prompts, templates, chat, factChecker,
                executions, settings, clock);
    }

    @Bean
    GenerationWorker generationWorker(GenerationWorkQueuePort queue, GenerationJobReadModelPort jobs, GenerationPipeline pipeline,
                                      SignalsPort signals,
                                      @Value("${ankirag.generation.worker.concurrency:4}") int concurrency,
                                      @Value("${ankirag.generation.worker.lease:30s}") Duration lease,
                                      @Value("${ankirag.generation.worker.poll-interval:1s}") Duration pollInterval,
                                      @Value("${ankirag.generation.worker.retry-backoff:5s}") Duration retryBackoff) {
        // Unique per application instance, even for two instances in one JVM (as in the test suite).
        String name = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return new GenerationWorker(queue, jobs, pipeline, signals,
                new WorkerSettings(name, concurrency, lease, pollInterval, retryBackoff));
    }

    @Bean
    ChatSettings chatSettings(@Value("${ankirag.llm.default-model}") String model, RateLimitSettings rateLimits,
                              @Value("${ankirag.chat.history-token-budget:4000}") int historyTokenBudget,
                              @Value("${ankirag.chat.history-max-messages:200}") int historyMaxMessages,
                              @Value("${ankirag.chat.context-cards:8}") int contextCards,
                              @Value("${ankirag.chat.context-threshold:0.3}") double contextThreshold) {
        return new ChatSettings(model, rateLimits.chat(), historyTokenBudget, historyMaxMessages, contextCards, contextThreshold);
    }

    @Bean
    ChatService chatService(SendCommandPort commands, ChatReadModelPort chats, DeckReadModelPort decks, CardSearchService search,
                            PromptService prompts, ChatModelPort model, RateLimiter rateLimiter, GenerationService generation,
                            ChatSettings settings, Clock clock) {
        return new ChatService(commands, chats, decks, search, prompts, model, rateLimiter, generation, settings, clock);
    }
}
