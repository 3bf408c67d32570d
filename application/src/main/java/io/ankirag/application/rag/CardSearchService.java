package io.ankirag.application.rag;

import io.ankirag.application.deck.DeckForest;
import io.ankirag.application.port.in.card.CardView;
import io.ankirag.application.port.in.deck.DeckView;
import io.ankirag.application.port.in.rag.SearchCardsQuery;
import io.ankirag.application.port.out.card.CardReadModelPort;
import io.ankirag.application.port.out.deck.DeckReadModelPort;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingPurpose;
import io.ankirag.application.port.out.rag.SearchCardIndexPort;
import io.ankirag.application.port.out.rag.SearchCardIndexPort.IndexScope;
import io.ankirag.application.port.out.rag.SearchCardIndexPort.ScoredCard;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

public class CardSearchService implements SearchCardsQuery {

    /** Each list fused in hybrid mode is this many times longer than the answer, so fusion has something to weigh. */
    private static final int HYBRID_DEPTH = 3;
    private static final int MAX_WORDS = 64;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final ServingEmbedder embedder;
    private final SearchCardIndexPort index;
    private final CardReadModelPort cards;
    private final DeckReadModelPort decks;
    private final Executor lexicalBranch;
    private final EmbeddingLanguages languages;

    public CardSearchService(ServingEmbedder embedder, SearchCardIndexPort index, CardReadModelPort cards, DeckReadModelPort decks) {
        this(embedder, index, cards, decks, Runnable::run, EmbeddingLanguages.DEFAULT);
    }

    /**
     * @param lexicalBranch where hybrid mode runs its lexical query while the caller's thread embeds the query and
     *                      asks the vector index (both mostly wait on the database or the model); {@code Runnable::run}
     *                      runs the two one after the other
     */
    public CardSearchService(ServingEmbedder embedder, SearchCardIndexPort index, CardReadModelPort cards, DeckReadModelPort decks,
                             Executor lexicalBranch, EmbeddingLanguages languages) {
        this.embedder = embedder;
        this.index = index;
        this.cards = cards;
        this.decks = decks;
        this.lexicalBranch = lexicalBranch;
        this.languages = languages;
    }

    @Override
    public List<SearchHit> search(UserId caller, CardSearch search) {
        validate(search);
        List<DeckView> ownDecks = decks.allDecksOf(caller);
        Set<String> tags = tags(search.tags());
        IndexScope scope = new IndexScope(deckScope(ownDecks, search.deckId()), search.statuses(), tags,
                search.tagMatch() == TagMatch.ALL);
        TextLanguage language = TextLanguage.detect(search.query());
        List<ScoredCard> ranked = switch (search.mode()) {
            case SEMANTIC -> semantic(caller, embedder.current(), search, scope, search.topK());
            case LEXICAL -> lexical(caller, search, language, scope, search.topK());
            case HYBRID -> {
                int depth = Math.min(MAX_TOP_K * HYBRID_DEPTH, search.topK() * HYBRID_DEPTH);
                CompletableFuture<List<ScoredCard>> lexical =
                        CompletableFuture.supplyAsync(() -> lexical(caller, search, language, scope, depth), lexicalBranch);
                ServingEmbedder.Serving serving = embedder.current();
                List<ScoredCard> semantic = semantic(caller, serving, search, scope, depth);
                List<List<CardId>> rankings = List.of(
                        semantic.stream().map(ScoredCard::cardId).toList(),
                        joined(lexical).stream().map(ScoredCard::cardId).toList());
                // A model that does not know the query's language ranks close to noise: the lexical side leads.
                List<Double> weights = List.of(languages.semanticWeight(serving.model(), language), 1.0);
                yield RankFusion.reciprocalRank(rankings, weights, RankFusion.DEFAULT_K).stream()
                        .map(fused -> new ScoredCard(fused.item(), fused.score()))
                        .toList();
            }
        };
        return hits(caller, ranked, ownDecks, search);
    }

    /** The branch's own exception, not the future's wrapper, so that a domain error keeps its code. */
    private static <T> T joined(CompletableFuture<T> branch) {
        try {
            return branch.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    private List<ScoredCard> semantic(UserId caller, ServingEmbedder.Serving serving, CardSearch search, IndexScope scope, int limit) {
        float[] vector = serving.embedder().embed(List.of(search.query()), EmbeddingPurpose.QUERY).getFirst();
        return index.nearest(caller, serving.model(), vector, scope, search.threshold(), limit);
    }

    /** Lower-cased and distinct; {@code null} for no tag filter. */
    private static Set<String> tags(List<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return null;
        }
        if (tags.size() > MAX_TAGS) {
            throw new DomainException(ErrorCode.REQ_002, "at most " + MAX_TAGS + " tags");
        }
        Set<String> lower = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                throw new DomainException(ErrorCode.REQ_002, "tags must not be blank");
            }
            lower.add(tag.strip().toLowerCase(Locale.ROOT));
        }
        return lower;
    }

    private List<ScoredCard> lexical(UserId caller, CardSearch search, TextLanguage language, IndexScope scope, int limit) {
        List<String> words = words(search.query());
        return words.isEmpty() ? List.of() : index.matchingWords(caller, words, language, scope, limit);
    }

    /** The query's words, lower-cased and distinct; punctuation and operators are not passed on. */
    static List<String> words(String query) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(query);
        while (matcher.find() && words.size() < MAX_WORDS) {
            String word = matcher.group().toLowerCase(Locale.ROOT);
            if (!words.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static List<DeckId> deckScope(List<DeckView> ownDecks, DeckId deckId) {
        if (deckId == null) {
            return null;
        }
        if (ownDecks.stream().noneMatch(deck -> deck.id().equals(deckId))) {
            throw new DomainException(ErrorCode.DECK_001, "no deck with id " + deckId);
        }
        return new DeckForest(ownDecks).subtreeDeepestFirst(deckId);
    }

    /** Cards the library no longer shows (deleted a moment ago, before the index caught up) are left out. */
    private List<SearchHit> hits(UserId caller, List<ScoredCard> ranked, List<DeckView> ownDecks, CardSearch search) {
        List<ScoredCard> top = ranked.stream().limit(search.topK()).toList();
        Map<CardId, CardView> views = cards.cardsOf(caller, top.stream().map(ScoredCard::cardId).toList()).stream()
                .collect(Collectors.toMap(CardView::id, Function.identity(), (a, b) -> a));
        Map<DeckId, String> deckNames = ownDecks.stream().collect(Collectors.toMap(DeckView::id, DeckView::name, (a, b) -> a));
        List<SearchHit> hits = new ArrayList<>();
        for (ScoredCard scored : top) {
            CardView card = views.get(scored.cardId());
            if (card != null) {
                hits.add(new SearchHit(card.id(), scored.score(), search.includeSources() ? card.fields() : null,
                        card.deckId(), deckNames.get(card.deckId()), card.status()));
            }
        }
        return hits;
    }

    private static void validate(CardSearch search) {
        if (search.query() == null || search.query().isBlank()) {
            throw new DomainException(ErrorCode.REQ_002, "query must not be empty");
        }
        if (search.query().length() > MAX_QUERY_LENGTH) {
            throw new DomainException(ErrorCode.REQ_002, "query must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        if (search.topK() < 1 || search.topK() > MAX_TOP_K) {
            throw new DomainException(ErrorCode.REQ_002, "top_k must be between 1 and " + MAX_TOP_K);
        }
        if (!(search.threshold() >= -1 && search.threshold() <= 1)) {
            throw new DomainException(ErrorCode.REQ_002, "threshold must be between -1 and 1");
        }
        if (search.mode() == null) {
            throw new DomainException(ErrorCode.REQ_002, "mode must be semantic, lexical or hybrid");
        }
    }
}
