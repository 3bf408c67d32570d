package io.ankirag.application.chat;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.chat.AskAssistantUseCase;
import io.ankirag.application.port.in.chat.CardsFromAnswerUseCase;
import io.ankirag.application.port.in.chat.ChatMessageView;
import io.ankirag.application.port.in.chat.ChatSessionQuery;
import io.ankirag.application.port.in.chat.ChatSessionView;
import io.ankirag.application.port.in.chat.ManageChatSessionsUseCase;
import io.ankirag.application.port.in.deck.DeckView;
import io.ankirag.application.port.in.generation.RequestGenerationUseCase;
import io.ankirag.application.port.in.generation.RequestGenerationUseCase.GenerationAccepted;
import io.ankirag.application.port.in.generation.RequestGenerationUseCase.GenerationOrder;
import io.ankirag.application.port.in.prompt.RenderPromptUseCase;
import io.ankirag.application.port.in.prompt.RenderPromptUseCase.RenderedPrompt;
import io.ankirag.application.port.in.rag.SearchCardsQuery;
import io.ankirag.application.port.in.rag.SearchCardsQuery.CardSearch;
import io.ankirag.application.port.in.rag.SearchCardsQuery.SearchHit;
import io.ankirag.application.port.in.rag.SearchCardsQuery.SearchMode;
import io.ankirag.application.port.out.chat.ChatReadModelPort;
import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.application.port.out.deck.DeckReadModelPort;
import io.ankirag.application.port.out.llm.ChatModelPort;
import io.ankirag.application.port.out.llm.ChatModelPort.LlmRequest;
import io.ankirag.application.port.out.llm.ChatModelPort.LlmResponse;
import io.ankirag.application.port.out.llm.ChatModelPort.Turn;
import io.ankirag.application.rag.CardText;
import io.ankirag.application.ratelimit.RateLimiter;
import io.ankirag.domain.chat.ChatContext;
import io.ankirag.domain.chat.ChatMessageContent;
import io.ankirag.domain.chat.ChatMessageId;
import io.ankirag.domain.chat.ChatSessionCommand.ArchiveChatSession;
import io.ankirag.domain.chat.ChatSessionCommand.AskQuestion;
import io.ankirag.domain.chat.ChatSessionCommand.DeleteChatSession;
import io.ankirag.domain.chat.ChatSessionCommand.RecordAnswer;
import io.ankirag.domain.chat.ChatSessionCommand.RenameChatSession;
import io.ankirag.domain.chat.ChatSessionCommand.RestoreChatSession;
import io.ankirag.domain.chat.ChatSessionCommand.StartChatSession;
import io.ankirag.domain.chat.ChatSessionId;
import io.ankirag.domain.chat.ChatSource;
import io.ankirag.domain.chat.ChatTitle;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.generation.GenerationRequest;
import io.ankirag.domain.prompt.SystemPrompts;
import io.ankirag.domain.shared.AggregateCommand;
import io.ankirag.domain.user.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The study assistant (spec 5.5): sessions, questions answered from the learner's own cards as the model streams,
 * and answers turned into cards.
 *
 * <p>Grounding: each question retrieves the learner's closest cards (hybrid search, within the session's deck
 * subtree when it has one); they go into the system prompt with their ids, and the model is asked to cite them as
 * {@code [card:ID]}. Only those retrieved cards can be an answer's sources, whatever the model writes. The
 * conversation so far goes with the question as earlier messages, newest first until
 * {@link ChatSettings#historyTokenBudget()} is spent: older messages are dropped, not summarised.
 */
public class ChatService implements ManageChatSessionsUseCase, ChatSessionQuery, AskAssistantUseCase, CardsFromAnswerUseCase {

    private static final System.Logger log = System.getLogger(ChatService.class.getName());
    static final int SNIPPET_LENGTH = 200;
    private static final Pattern CITATION = Pattern.compile("\\[card:\\s*([0-9a-fA-F-]{36})\\s*]");
    static final String GROUNDING = """
            Each card above starts with its id, as in [card:ID]. When a card supports what you say, cite it right there \
            with that exact marker, e.g. [card:ID]; cite only ids shown above and never invent one. If the cards do not \
            cover the question, say so briefly, then answer from general knowledge.""";

    private final SendCommandPort commands;
    private final ChatReadModelPort chats;
    private final DeckReadModelPort decks;
    private final SearchCardsQuery search;
    private final RenderPromptUseCase prompts;
    private final ChatModelPort model;
    private final RateLimiter rateLimiter;
    private final RequestGenerationUseCase generation;
    private final ChatSettings settings;
    private final Clock clock;
    /** Retrievals run on virtual threads of their own, beside the request's thread. */
    private static final Executor RETRIEVAL = Executors.newVirtualThreadPerTaskExecutor();

    public ChatService(SendCommandPort commands, ChatReadModelPort chats, DeckReadModelPort decks, SearchCardsQuery search,
                       RenderPromptUseCase prompts, ChatModelPort model, RateLimiter rateLimiter,
                       RequestGenerationUseCase generation, ChatSettings settings, Clock clock) {
        this.commands = commands;
        this.chats = chats;
        this.decks = decks;
        this.search = search;
        this.prompts = prompts;
        this.model = model;
        this.rateLimiter = rateLimiter;
        this.generation = generation;
        this.settings = settings;
        this.clock = clock;
    }

    // --- sessions

    @Override
    public ChatSessionView startSession(UserId caller, NewChatSession session) {
        ChatTitle title = new ChatTitle(session.title());
        ChatContext context = new ChatContext(session.deckId(), session.topic());
        if (context.deckId() != null && decks.deckOf(caller, context.deckId()).isEmpty()) {
            throw new DomainException(ErrorCode.DECK_001, "no deck with id " + context.deckId());
        }
        ChatSessionId id = ChatSessionId.newId(clock);
        commands.send(new StartChatSession(id, caller, title, context, clock.instant()));
        return ownSession(caller, id);
    }

    @Override
    public ChatSessionView changeSession(UserId caller, ChatSessionId id, ChatSessionChanges changes) {
        ownSession(caller, id);
        List<AggregateCommand> writes = new ArrayList<>();
        if (changes.title() != null) {
            writes.add(new RenameChatSession(id, caller, new ChatTitle(changes.title()), clock.instant()));
        }
        if (changes.archived() != null) {
            writes.add(changes.archived() ? new ArchiveChatSession(id, caller, clock.instant())
                    : new RestoreChatSession(id, caller, clock.instant()));
        }
        if (!writes.isEmpty()) {
            commands.sendAll(writes);
        }
        return ownSession(caller, id);
    }

    @Override
    public void deleteSession(UserId caller, ChatSessionId id) {
        ownSession(caller, id);
        commands.send(new DeleteChatSession(id, caller, clock.instant()));
    }

    @Override
    public Page<ChatSessionView> sessions(UserId caller, boolean archived, PageRequest page) {
        return chats.sessionsOf(caller, archived, page);
    }

    @Override
    public ChatSessionDetails session(UserId caller, ChatSessionId id, PageRequest messages) {
        ChatSessionView session = ownSession(caller, id);
        return new ChatSessionDetails(session, chats.messages(id, messages));
    }

    private ChatSessionView ownSession(UserId caller, ChatSessionId id) {
        return chats.session(id)
                .filter(session -> session.ownerId().equals(caller))
                .orElseThrow(() -> new DomainException(ErrorCode.CHAT_001, "no chat session with id " + id));
    }

    // --- questions and answers

    @Override
    public PendingAnswer ask(UserId caller, ChatSessionId id, String content) {
        ChatMessageContent question = new ChatMessageContent(content);
        ChatSessionView session = ownSession(caller, id);
        if (session.archived()) {
            throw new DomainException(ErrorCode.CHAT_002, "chat session " + id + " is archived; restore it to ask more");
        }
        rateLimiter.acquire(settings.rateLimit(), caller);
        ChatMessageId questionId = ChatMessageId.newId(clock);
        // Retrieval is most of the time before the first token: it starts now, beside recording the question.
        CompletableFuture<List<SearchHit>> cards = CompletableFuture.supplyAsync(() -> retrieve(caller, session, question.value()),
                RETRIEVAL);
        try {
            // Not waited for: the answer reads no read model that this write changes, and it is recorded with a wait.
            commands.dispatchAll(List.of(new AskQuestion(id, caller, questionId, question, clock.instant())));
        } catch (RuntimeException refused) {
            cards.cancel(true);
            throw refused;
        }
        return new Answering(caller, session, questionId, question.value(), cards);
    }

    private List<SearchHit> retrieve(UserId caller, ChatSessionView session, String question) {
        try {
            return search.search(caller, new CardSearch(question, SearchMode.HYBRID, settings.contextCards(),
                    settings.contextThreshold(), session.deckId(), null, null, null, true));
        } catch (DomainException unavailable) {
            // A deleted deck or an unreachable embedding model: answer without cards rather than not at all.
            log.log(System.Logger.Level.WARNING, "Answering in chat session " + session.id() + " without cards: "
                    + unavailable.detail());
            return List.of();
        }
    }

    /** Thrown inside the model's stream when the listener has lost its client: stops the model call. */
    private static final class ClientGone extends RuntimeException {

        ClientGone(RuntimeException cause) {
            super("the client stopped listening", cause, false, false);
        }
    }

    private final class Answering implements PendingAnswer {

        private final UserId caller;
        private final ChatSessionView session;
        private final ChatMessageId questionId;
        private final String question;
        private final CompletableFuture<List<SearchHit>> retrieval;

        Answering(UserId caller, ChatSessionView session, ChatMessageId questionId, String question,
                  CompletableFuture<List<SearchHit>> retrieval) {
            this.caller = caller;
            this.session = session;
            this.questionId = questionId;
            this.question = question;
            this.retrieval = retrieval;
        }

        @Override
        public ChatMessageId questionId() {
            return questionId;
        }

        @Override
        public void answer(AnswerListener listener) {
            ChatMessageId answerId = ChatMessageId.newId(clock);
            StringBuilder written = new StringBuilder();
            List<SearchHit> cards = List.of();
            try {
                List<Turn> history = history();
                cards = retrieval.join();
                LlmRequest request = request(cards, history);
                LlmResponse response = model.stream(request, delta -> {
                    written.append(delta);
                    try {
                        listener.chunk(delta);
                    } catch (RuntimeException gone) {
                        throw new ClientGone(gone);
                    }
                });
                List<Source> sources = sources(cards, response.text());
                record(answerId, response.text(), response.model(), response.inputTokens(), response.outputTokens(), sources,
                        "stop", true);
                listener.metadata(new AnswerMetadata(response.model(), response.inputTokens(), response.outputTokens(), sources));
                listener.done(answerId);
            } catch (ClientGone gone) {
                recordQuietly(answerId, written.toString(), sources(cards, written.toString()), "cancelled");
            } catch (DomainException failed) {
                recordQuietly(answerId, written.toString(), sources(cards, written.toString()), "error");
                listener.error(failed.code(), failed.detail());
            } catch (RuntimeException failed) {
                log.log(System.Logger.Level.WARNING, "Answering in chat session " + session.id() + " failed", failed);
                recordQuietly(answerId, written.toString(), sources(cards, written.toString()), "error");
                listener.error(ErrorCode.SYS_001, "the answer could not be completed");
            }
        }

        private LlmRequest request(List<SearchHit> cards, List<Turn> history) {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("context", context(cards));
            variables.put("message", question);
            RenderedPrompt prompt = prompts.render(SystemPrompts.CHAT_ASSISTANT.value(), variables);
            StringBuilder system = new StringBuilder(prompt.system());
            if (session.topic() != null) {
                system.append("\n\nThe learner is studying: ").append(session.topic());
            }
            system.append("\n\n").append(GROUNDING);
            return new LlmRequest(system.toString(), prompt.user(), settings.model(), prompt.temperature(), prompt.maxTokens(),
                    null, null, history);
        }

        /** The latest earlier messages that fit the budget, oldest first, starting with a question. */
        private List<Turn> history() {
            List<ChatMessageView> latest = chats.latestMessages(session.id(), settings.historyMaxMessages() + 1);
            List<Turn> kept = new ArrayList<>();
            int budget = settings.historyTokenBudget();
            for (int i = latest.size() - 1; i >= 0; i--) {
                ChatMessageView message = latest.get(i);
                if (message.id().equals(questionId) || message.content().isBlank()) {
                    continue;
                }
                int tokens = estimatedTokens(message.content());
                if (tokens > budget) {
                    break;
                }
                budget -= tokens;
                kept.addFirst(new Turn(message.role() == ChatMessageView.Role.USER ? Turn.Role.USER : Turn.Role.ASSISTANT,
                        message.content()));
            }
            while (!kept.isEmpty() && kept.getFirst().role() != Turn.Role.USER) {
                kept.removeFirst();
            }
            return kept;
        }

        private void record(ChatMessageId answerId, String text, String answeredBy, int inputTokens, int outputTokens,
                            List<Source> sources, String finishReason, boolean complete) {
            commands.send(new RecordAnswer(session.id(), caller, answerId, questionId, text, answeredBy, inputTokens,
                    outputTokens, sources.stream().map(Source::source).toList(), finishReason, complete, clock.instant()));
        }

        private void recordQuietly(ChatMessageId answerId, String partial, List<Source> sources, String finishReason) {
            try {
                record(answerId, partial, settings.model(), 0, 0, sources, finishReason, false);
            } catch (RuntimeException failed) {
                log.log(System.Logger.Level.WARNING, "Could not record the partial answer in chat session " + session.id(), failed);
            }
        }
    }

    /** One card a line, as {@code [card:ID] (deck) text}. */
    static String context(List<SearchHit> cards) {
        StringBuilder context = new StringBuilder();
        for (SearchHit card : cards) {
            context.append("\n[card:").append(card.cardId()).append("] (").append(card.deckName()).append(") ")
                    .append(CardText.of(card.fields() == null ? Map.of() : card.fields()).replace('\n', ' '));
        }
        return context.isEmpty() ? "(no matching cards)" : context.toString();
    }

    /** Every retrieved card, best first, marked where the answer cites it; citations of other ids are ignored. */
    static List<Source> sources(List<SearchHit> cards, String answer) {
        Set<String> cited = new HashSet<>();
        Matcher matcher = CITATION.matcher(answer);
        while (matcher.find()) {
            cited.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return cards.stream().map(card -> new Source(new ChatSource(card.cardId(), card.deckId(), card.score(),
                snippet(card.fields()), cited.contains(card.cardId().toString())), card.deckName())).toList();
    }

    private static String snippet(Map<String, String> fields) {
        String text = CardText.of(fields == null ? Map.of() : fields).replace('\n', ' ').strip();
        return text.length() <= SNIPPET_LENGTH ? text : text.substring(0, SNIPPET_LENGTH - 1).strip() + "…";
    }

    /** About four characters a token, as for English with the common BPE tokenizers; no tokenizer is at hand here. */
    static int estimatedTokens(String text) {
        return (text.length() + 3) / 4;
    }

    // --- cards from an answer

    @Override
    public GenerationAccepted cardsFromAnswer(UserId caller, ChatSessionId id, ChatMessageId answerId, CardsFromAnswerOrder order) {
        ChatSessionView session = ownSession(caller, id);
        ChatMessageView answer = chats.message(id, answerId)
                .filter(message -> message.role() == ChatMessageView.Role.ASSISTANT && !message.content().isBlank())
                .orElseThrow(() -> new DomainException(ErrorCode.CHAT_004, "no answer with id " + answerId + " in chat session " + id));
        DeckId deck = order.deckId() != null ? order.deckId() : session.deckId();
        return generation.requestGeneration(caller, new GenerationOrder(material(answer.content()), order.numCards(), deck, null,
                order.language(), order.difficulty(), null, null, order.idempotencyKey()));
    }

    /**
     * The answer as the generation's topic: without its citation markers, and cut to the topic's limit at a word
     * boundary (a generation topic is at most {@value GenerationRequest#MAX_TOPIC_LENGTH} characters).
     */
    static String material(String answer) {
        String text = CITATION.matcher(answer).replaceAll("").replaceAll("[ \\t]+", " ").replaceAll(" ([.,;:!?])", "$1").strip();
        int limit = GenerationRequest.MAX_TOPIC_LENGTH;
        if (text.codePointCount(0, text.length()) <= limit) {
            return text;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, limit - 1));
        int space = cut.lastIndexOf(' ');
        return (space > limit / 2 ? cut.substring(0, space) : cut).strip() + "…";
    }
}
