package io.ankirag.bootstrap.bench;

import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Vectors in the search index for benchmarks that need more indexed cards than the model can embed in time. */
final class BenchVectors {

    private BenchVectors() {
    }

    /** Each card without a vector gets a pipelined card's vector plus noise, normalised. */
    static void fillNearRealVectors(Jdbi jdbi, EmbeddingModelInfo model) {
        String type = "vector(" + model.dimensions() + ")";
        List<float[]> real = jdbi.withHandle(h -> h.createQuery("SELECT embedding::text FROM card_embeddings WHERE embedding IS NOT NULL LIMIT 20000")
                .map((rs, ctx) -> parse(rs.getString(1))).list());
        List<UUID> missing = jdbi.withHandle(h -> h.createQuery("SELECT card_id FROM card_embeddings WHERE embedding IS NULL")
                .mapTo(UUID.class).list());
        Random random = new Random(7);
        for (int from = 0; from < missing.size(); from += 1000) {
            List<UUID> part = missing.subList(from, Math.min(missing.size(), from + 1000));
            jdbi.useTransaction(h -> {
                PreparedBatch batch = h.prepareBatch("UPDATE card_embeddings SET embedding = CAST(:v AS " + type
                        + "), embedded_hash = md5(content_text)::uuid WHERE card_id = :card");
                for (UUID card : part) {
                    float[] base = real.get(random.nextInt(real.size()));
                    float[] vector = new float[base.length];
                    double norm = 0;
                    for (int d = 0; d < base.length; d++) {
                        vector[d] = (float) (base[d] + random.nextGaussian() * 0.02);
                        norm += vector[d] * vector[d];
                    }
                    StringBuilder literal = new StringBuilder("[");
                    for (int d = 0; d < vector.length; d++) {
                        literal.append(d == 0 ? "" : ",").append((float) (vector[d] / Math.sqrt(norm)));
                    }
                    batch.bind("v", literal.append(']').toString()).bind("card", card).add();
                }
                batch.execute();
                h.createUpdate("DELETE FROM embedding_queue WHERE card_id = ANY(:cards)").bindArray("cards", UUID.class, part).execute();
            });
        }
    }


    static UUID modelId(Jdbi jdbi, EmbeddingModelInfo model) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id FROM embedding_models WHERE provider = :p AND name = :n AND dimensions = :d")
                .bind("p", model.provider()).bind("n", model.name()).bind("d", model.dimensions()).mapTo(UUID.class).one());
    }


    static float[] parse(String literal) {
        String[] parts = literal.substring(1, literal.length() - 1).split(",");
        float[] vector = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            vector[i] = Float.parseFloat(parts[i]);
        }
        return vector;
    }


    static String literal(float[] vector) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < vector.length; i++) {
            out.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return out.append(']').toString();
    }
}
