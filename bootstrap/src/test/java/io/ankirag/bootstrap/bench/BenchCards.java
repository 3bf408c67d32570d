package io.ankirag.bootstrap.bench;

import io.ankirag.application.port.in.card.ManageCardsUseCase;
import io.ankirag.application.port.in.card.ManageCardsUseCase.CardContent;
import io.ankirag.application.port.in.rag.RebuildSearchIndexUseCase;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The synthetic Basic cards the search and chat benchmarks index, and how they are created. */
final class BenchCards {

    private static final TemplateId BASIC = TemplateId.ofSystem("Basic");

    private BenchCards() {
    }

    /**
     * Card texts from a small vocabulary: subjects, aspects and framings combined, so that neighbours share a subject
     * or an aspect and differ in the rest, as cards of one learner do.
     */
    static Map<String, String> fields(int i) {
        String subject = SUBJECTS[i % SUBJECTS.length];
        String aspect = ASPECTS[(i / SUBJECTS.length) % ASPECTS.length];
        String framing = FRAMINGS[(i / (SUBJECTS.length * ASPECTS.length)) % FRAMINGS.length];
        int round = i / (SUBJECTS.length * ASPECTS.length * FRAMINGS.length);
        return Map.of("Front", "What is the " + aspect + " of " + subject + ", " + framing + (round > 0 ? " (set " + round + ")" : "") + "?",
                "Back", "The " + aspect + " of " + subject + " is what a learner recalls " + framing + ".");
    }

    /** Creates cards {@code from} to {@code to} (exclusive) with {@link #fields}, in bulk, spread over the decks. */
    static void create(ManageCardsUseCase cards, UserId owner, List<DeckId> deckIds, int from, int to) {
        for (int first = from; first < to; first += ManageCardsUseCase.MAX_BULK) {
            int last = Math.min(to, first + ManageCardsUseCase.MAX_BULK);
            List<CardContent> contents = new ArrayList<>(last - first);
            for (int i = first; i < last; i++) {
                contents.add(new CardContent(fields(i), List.of("bench")));
            }
            var result = cards.createCards(owner, deckIds.get((first / ManageCardsUseCase.MAX_BULK) % deckIds.size()), BASIC, contents);
            if (!result.failed().isEmpty()) {
                throw new IllegalStateException("bulk create failed: " + result.failed().getFirst());
            }
        }
    }

    /** Until the search-index projection has taken in every event. */
    static void awaitProjection(RebuildSearchIndexUseCase index) throws InterruptedException {
        RebuildSearchIndexUseCase.SearchIndexProgress progress;
        while ((progress = index.indexProgress()).rebuilding() || progress.position() < progress.head()) {
            Thread.sleep(500);
        }
    }

    static final String[] SUBJECTS = {
            "mitochondria", "photosynthesis", "the French Revolution", "Newton's second law", "the Krebs cycle",
            "Bayes' theorem", "the Treaty of Versailles", "TCP's three-way handshake", "binary search", "hash tables",
            "garbage collection", "Rust ownership", "Python generators", "the Spanish subjunctive", "Russian verb aspect",
            "the circle of fifths", "plate tectonics", "the water cycle", "supply and demand", "compound interest",
            "the Pythagorean theorem", "derivatives", "integrals by parts", "eigenvectors", "the central limit theorem",
            "DNA replication", "protein folding", "the immune response", "antibiotic resistance", "the nitrogen cycle",
            "the Roman Republic", "the Ming dynasty", "the Cold War", "the Industrial Revolution", "the Renaissance",
            "impressionist painting", "the sonnet form", "Greek tragedy", "the hero's journey", "stoic philosophy",
            "Kant's categorical imperative", "utilitarianism", "the scientific method", "entropy", "special relativity",
            "quantum entanglement", "the photoelectric effect", "black holes", "exoplanet detection", "the Big Bang",
            "SQL joins", "database indexes", "CAP theorem", "consensus algorithms", "public-key cryptography",
            "neural networks", "gradient descent", "overfitting", "decision trees", "recursion",
            "big-O notation", "dynamic programming", "graph traversal", "Dijkstra's algorithm", "the OSI model",
            "HTTP caching", "container images", "virtual memory", "process scheduling", "file systems",
            "Japanese particles", "German cases", "French liaison", "Latin declensions", "Mandarin tones",
            "baroque counterpoint", "jazz harmony", "sourdough fermentation", "the Maillard reaction", "coffee extraction"};
    static final String[] ASPECTS = {
            "definition", "main cause", "historical origin", "typical example", "key formula", "common misconception",
            "practical use", "main limitation", "first discoverer", "modern relevance", "core mechanism", "standard notation",
            "everyday analogy", "classic experiment", "opposite concept", "most important consequence", "usual pitfall",
            "best mnemonic", "simplest case", "hardest part", "underlying assumption", "measurable effect",
            "related concept", "typical exam question", "visual representation", "step-by-step procedure",
            "role in its field", "economic impact", "ethical question", "open problem", "textbook summary",
            "counterexample", "alternative name", "unit of measure", "time scale", "order of magnitude",
            "precondition", "failure mode", "criticism", "recent discovery"};
    static final String[] FRAMINGS = {
            "for a beginner", "in one sentence", "compared with its alternative", "in the exam", "from first principles",
            "with a diagram in mind", "as a teacher would say it", "in historical context", "for a practitioner",
            "in plain words", "in formal terms", "with an example", "in the lab", "in daily life", "for an interview",
            "at an advanced level", "in a quiz", "when reviewing notes", "as a flashcard", "with a counterexample",
            "from memory", "in a lecture", "for a child", "in a textbook", "by analogy", "in summary", "in detail",
            "under time pressure", "after a long break", "before the final"};
}
