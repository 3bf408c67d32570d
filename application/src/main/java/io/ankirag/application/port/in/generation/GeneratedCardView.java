package io.ankirag.application.port.in.generation;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.generation.FactCheck;
import io.ankirag.domain.template.TemplateId;
import java.time.Instant;
import java.util.Map;

/**
 * A card a job made, as it was made (the card itself may have been edited since).
 *
 * @param sequence  1 for the job's first card, 2 for the next, ...: what a stream resumes after
 * @param factCheck {@code null} when fact-checking was not asked for
 */
public record GeneratedCardView(int sequence, CardId cardId, TemplateId templateId, Map<String, String> fields,
                                FactCheck factCheck, Instant createdAt) {
}
