package io.ankirag.adapter.out.persistence.rag;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A lexical search's query as tsqueries, for ranking by how many of the query's words a card holds, then by
 * {@code ts_rank}: a card with every word comes before one that repeats a single word. Each word is the set of its
 * lexemes (stemmed and as written); words sharing a lexeme ("cause", "causes") count as one.
 *
 * <p>The ranking is read in bands, best first: cards holding all {@code n} words, then exactly {@code n - 1}, and so
 * on, each band ordered by {@code ts_rank}; the search stops as soon as it has enough cards. A band is "at least k of
 * the words" ({@link Band#matching}, an OR of every k-word AND, which the GIN index answers) minus the cards the bands
 * before it found: a search only reads on when they found fewer than it wants, so it holds all of them. Most
 * searches end in the first bands, which hold few cards, instead of ranking every card with any of the words: at
 * 100,000 cards, 3 ms instead of 19 for a four-word query matching 6,300 cards (docs/benchmarks/rag-speed.md). Bands
 * whose tsquery would name more than {@value #MAX_OPERANDS} words, counting repeats, are not asked; the cards below
 * the last band asked are then one band by {@code ts_rank} alone.
 */
final class LexicalBands {

    /** The most words (each with all its lexemes) one band's tsquery may name: k among n names k * C(n, k). */
    static final int MAX_OPERANDS = 256;

    /**
     * @param matching the cards of this band, and of those before it, hold at least these words: a tsquery
     * @param minWords the fewest of the query's words a card of this band holds
     * @param maxWords the most (equal to {@code minWords} except in a last band gathering what the others left)
     */
    record Band(String matching, int minWords, int maxWords) {
    }

    private final List<Set<String>> words;

    private LexicalBands(List<Set<String>> words) {
        this.words = words;
    }

    /** @param lexemesPerWord each query word's lexemes; a stop word has none and is left out */
    static LexicalBands of(List<List<String>> lexemesPerWord) {
        List<Set<String>> words = new ArrayList<>();
        for (List<String> lexemes : lexemesPerWord) {
            Set<String> word = new TreeSet<>(lexemes);
            if (word.isEmpty()) {
                continue;
            }
            // The words kept are pairwise disjoint, so one pass takes in every word sharing a lexeme with this one.
            for (int i = words.size() - 1; i >= 0; i--) {
                if (words.get(i).stream().anyMatch(word::contains)) {
                    word.addAll(words.remove(i));
                }
            }
            words.add(word);
        }
        return new LexicalBands(List.copyOf(words));
    }

    /** Distinct words after merging, stop words left out. */
    int words() {
        return words.size();
    }

    /** Any of the words: what {@code ts_rank} is asked to weigh. */
    String anyWord() {
        return words.stream().flatMap(Set::stream).map(LexicalBands::lexeme).collect(Collectors.joining(" | "));
    }

    /** Best first; empty when every word was a stop word. */
    List<Band> bands() {
        int n = words.size();
        List<Band> bands = new ArrayList<>();
        int k = n;
        for (; k >= 2 && operands(n, k) <= MAX_OPERANDS; k--) {
            bands.add(new Band(atLeast(k), k, k));
        }
        if (n > 0) {
            bands.add(new Band(anyWord(), 1, k));
        }
        return bands;
    }

    /** Every combination of k words, ANDed, ORed together. */
    private String atLeast(int k) {
        List<String> combinations = new ArrayList<>();
        combine(k, 0, new ArrayList<>(), combinations);
        return combinations.size() == 1 ? combinations.getFirst()
                : combinations.stream().map(all -> "(" + all + ")").collect(Collectors.joining(" | "));
    }

    private void combine(int k, int from, List<String> chosen, List<String> combinations) {
        if (chosen.size() == k) {
            combinations.add(String.join(" & ", chosen));
            return;
        }
        for (int i = from; i <= words.size() - (k - chosen.size()); i++) {
            chosen.add(word(words.get(i)));
            combine(k, i + 1, chosen, combinations);
            chosen.removeLast();
        }
    }

    private static String word(Set<String> lexemes) {
        String any = lexemes.stream().map(LexicalBands::lexeme).collect(Collectors.joining(" | "));
        return lexemes.size() == 1 ? any : "(" + any + ")";
    }

    /** A quoted tsquery operand: quotes doubled and backslashes escaped, as tsquery input reads them. */
    private static String lexeme(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** Words a band of k among n names: k * C(n, k), saturating well above the limit. */
    private static long operands(int n, int k) {
        long combinations = 1;
        for (int i = 1; i <= k; i++) {
            combinations = combinations * (n - k + i) / i;
            if (combinations > MAX_OPERANDS) {
                return Long.MAX_VALUE;
            }
        }
        return combinations * k;
    }
}
