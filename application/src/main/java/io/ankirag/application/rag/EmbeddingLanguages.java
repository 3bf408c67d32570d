package io.ankirag.application.rag;

import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which texts an embedding model can be trusted with, and what search and duplicate detection do about the others.
 * The models that ship inside jars (all-MiniLM-L6-v2, bge-small-en) learnt English only: on Russian text their
 * similarities are close to noise (unrelated Russian cards score a mean cosine of 0.62 to 0.76 to each other).
 *
 * <p>The rule, explicit and configurable:
 * <ul>
 *   <li>a model is multilingual when its name matches {@code multilingualModels}
 *       ({@code EMBEDDING_MULTILINGUAL_MODELS}); any other model knows English only;</li>
 *   <li>a hybrid search whose query is not detected as English, under a model that is not multilingual, weighs the
 *       semantic ranking by {@code semanticWeightOutsideModelLanguage} ({@code SEARCH_HYBRID_FOREIGN_SEMANTIC_WEIGHT})
 *       and the lexical one by 1 in the rank fusion; otherwise both weigh 1;</li>
 *   <li>duplicate detection of a text not detected as English, under a model that is not multilingual, flags only
 *       cards that are similar enough <em>and</em> share at least {@code duplicateMinWordOverlap} of the text's
 *       distinct words ({@code RAG_DUPLICATES_MIN_WORD_OVERLAP}), stemmed in its language.</li>
 * </ul>
 */
public record EmbeddingLanguages(Pattern multilingualModels, double semanticWeightOutsideModelLanguage,
                                 double duplicateMinWordOverlap) {

    /** Names of well-known multilingual sentence-embedding models: the e5, BGE-M3, LaBSE, XLM-R and paraphrase-multilingual families. */
    public static final String DEFAULT_MULTILINGUAL_MODELS = "(?i).*(multilingual|bge-m3|labse|xlm-r|m-e5).*";
    public static final double DEFAULT_SEMANTIC_WEIGHT_OUTSIDE_MODEL_LANGUAGE = 0.25;
    public static final double DEFAULT_DUPLICATE_MIN_WORD_OVERLAP = 0.5;
    public static final EmbeddingLanguages DEFAULT = new EmbeddingLanguages(Pattern.compile(DEFAULT_MULTILINGUAL_MODELS),
            DEFAULT_SEMANTIC_WEIGHT_OUTSIDE_MODEL_LANGUAGE, DEFAULT_DUPLICATE_MIN_WORD_OVERLAP);

    public EmbeddingLanguages {
        if (!(semanticWeightOutsideModelLanguage >= 0 && semanticWeightOutsideModelLanguage <= 1)) {
            throw new IllegalArgumentException("SEARCH_HYBRID_FOREIGN_SEMANTIC_WEIGHT must be between 0 and 1, got "
                    + semanticWeightOutsideModelLanguage);
        }
        if (!(duplicateMinWordOverlap >= 0 && duplicateMinWordOverlap <= 1)) {
            throw new IllegalArgumentException("RAG_DUPLICATES_MIN_WORD_OVERLAP must be between 0 and 1, got "
                    + duplicateMinWordOverlap);
        }
    }

    public boolean multilingual(EmbeddingModelInfo model) {
        return multilingualModels.matcher(model.name()).matches();
    }

    /** What the model knows: {@code ["multilingual"]}, or the languages it learnt ({@code ["en"]}). */
    public List<String> languages(EmbeddingModelInfo model) {
        return multilingual(model) ? List.of("multilingual") : List.of(TextLanguage.EN.code());
    }

    /** Whether the model's similarities mean something for a text in {@code language}. */
    public boolean understands(EmbeddingModelInfo model, TextLanguage language) {
        return language == TextLanguage.EN || multilingual(model);
    }

    /** The semantic ranking's weight in hybrid fusion, the lexical one's being 1. */
    public double semanticWeight(EmbeddingModelInfo model, TextLanguage queryLanguage) {
        return understands(model, queryLanguage) ? 1 : semanticWeightOutsideModelLanguage;
    }
}
