package io.ankirag.application.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EmbeddingLanguagesTest {

    static final EmbeddingModelInfo MINILM = new EmbeddingModelInfo("onnx", "all-minilm-l6-v2-q", 384);
    static final EmbeddingModelInfo E5_SMALL = new EmbeddingModelInfo("onnx", "multilingual-e5-small", 384);
    static final EmbeddingModelInfo E5_LARGE = new EmbeddingModelInfo("openai", "intfloat/multilingual-e5-large", 1024);
    static final EmbeddingModelInfo BGE_M3 = new EmbeddingModelInfo("openai", "BAAI/bge-m3", 1024);

    final EmbeddingLanguages rule = EmbeddingLanguages.DEFAULT;

    @Test
    void theBuiltInModelKnowsEnglishAndTheSpecsProductionModelEveryLanguage() {
        assertThat(rule.languages(MINILM)).containsExactly("en");
        assertThat(rule.multilingual(MINILM)).isFalse();
        assertThat(rule.multilingual(E5_SMALL)).isTrue();
        assertThat(rule.multilingual(E5_LARGE)).isTrue();
        assertThat(rule.multilingual(BGE_M3)).isTrue();
        assertThat(rule.languages(E5_LARGE)).containsExactly("multilingual");
    }

    @Test
    void aNonEnglishQueryUnderAnEnglishModelLeansLexical() {
        assertThat(rule.semanticWeight(MINILM, TextLanguage.RU)).isEqualTo(0.25);
        assertThat(rule.semanticWeight(MINILM, TextLanguage.UND)).isEqualTo(0.25);
        assertThat(rule.semanticWeight(MINILM, TextLanguage.EN)).isEqualTo(1.0);
        assertThat(rule.semanticWeight(E5_SMALL, TextLanguage.RU)).isEqualTo(1.0);
    }

    @Test
    void theRuleIsConfigurableWithinBounds() {
        EmbeddingLanguages everyModel = new EmbeddingLanguages(Pattern.compile(".*"), 0.5, 0.3);
        assertThat(everyModel.understands(MINILM, TextLanguage.RU)).isTrue();
        assertThatThrownBy(() -> new EmbeddingLanguages(Pattern.compile(".*"), 1.5, 0.3))
                .hasMessageContaining("SEARCH_HYBRID_FOREIGN_SEMANTIC_WEIGHT");
        assertThatThrownBy(() -> new EmbeddingLanguages(Pattern.compile(".*"), 0.5, -0.1))
                .hasMessageContaining("RAG_DUPLICATES_MIN_WORD_OVERLAP");
    }
}
