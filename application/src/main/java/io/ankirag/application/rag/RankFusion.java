package io.ankirag.application.rag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): an item's score is the sum over the rankings
 * that hold it of {@code 1 / (k + rank)}, rank counting from 1. It needs no calibration between the lists'
 * own scores (cosine similarity and {@code ts_rank} are not comparable), only their orders.
 */
public final class RankFusion {

    public static final int DEFAULT_K = 60;

    public record Fused<T>(T item, double score) {
    }

    private RankFusion() {
    }

    /** Best first; equal scores keep the order in which the items first appear across the rankings. */
    public static <T> List<Fused<T>> reciprocalRank(List<List<T>> rankings, int k) {
        return reciprocalRank(rankings, rankings.stream().map(ranking -> 1.0).toList(), k);
    }

    /**
     * Weighted: each ranking's terms are multiplied by its weight ({@code w / (k + rank)}), so a ranking known to be
     * less reliable still contributes, less.
     */
    public static <T> List<Fused<T>> reciprocalRank(List<List<T>> rankings, List<Double> weights, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative, got " + k);
        }
        if (weights.size() != rankings.size()) {
            throw new IllegalArgumentException(weights.size() + " weights for " + rankings.size() + " rankings");
        }
        Map<T, Double> scores = new LinkedHashMap<>();
        for (int r = 0; r < rankings.size(); r++) {
            List<T> ranking = rankings.get(r);
            double weight = weights.get(r);
            if (weight < 0) {
                throw new IllegalArgumentException("weights must not be negative, got " + weight);
            }
            for (int i = 0; i < ranking.size(); i++) {
                scores.merge(ranking.get(i), weight / (k + i + 1), Double::sum);
            }
        }
        List<Fused<T>> fused = new ArrayList<>();
        scores.forEach((item, score) -> fused.add(new Fused<>(item, score)));
        fused.sort(Comparator.comparingDouble((Fused<T> f) -> f.score()).reversed()); // stable: ties keep first appearance
        return fused;
    }
}
