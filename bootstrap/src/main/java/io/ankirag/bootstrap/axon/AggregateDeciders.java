package io.ankirag.bootstrap.axon;

import io.ankirag.domain.card.Card;
import io.ankirag.domain.card.CardCommand;
import io.ankirag.domain.card.CardEvent;
import io.ankirag.domain.deck.Deck;
import io.ankirag.domain.deck.DeckCommand;
import io.ankirag.domain.deck.DeckEvent;
import io.ankirag.domain.prompt.Prompt;
import io.ankirag.domain.prompt.PromptCommand;
import io.ankirag.domain.prompt.PromptEvent;
import io.ankirag.domain.shared.AggregateCommand;
import io.ankirag.domain.template.CardTemplate;
import io.ankirag.domain.template.TemplateCommand;
import io.ankirag.domain.template.TemplateEvent;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The pure decide/evolve of each event-sourced aggregate under the type name its Axon host stores it with
 * ({@link CardAggregate}, {@link DeckAggregate}, {@link TemplateAggregate}, {@link PromptAggregate}). The hosts do
 * nothing but call these two functions, which is what lets {@link AxonCommandSender} decide a batch in-process
 * and store the same events the hosts would.
 */
final class AggregateDeciders {

    /** One aggregate type; states, commands and events are the domain's own, typed by the pattern in {@link #of}. */
    interface Decider {

        String type();

        Object initial();

        List<?> decide(Object state, AggregateCommand command);

        Object evolve(Object state, Object event);
    }

    private static final Decider CARD = new Typed<>("Card", Card::initial, Card::decide, Card::evolve, CardCommand.class, CardEvent.class);
    private static final Decider DECK = new Typed<>("Deck", Deck::initial, Deck::decide, Deck::evolve, DeckCommand.class, DeckEvent.class);
    private static final Decider TEMPLATE = new Typed<>("CardTemplate", CardTemplate::initial, CardTemplate::decide,
            CardTemplate::evolve, TemplateCommand.class, TemplateEvent.class);
    private static final Decider PROMPT = new Typed<>("Prompt", Prompt::initial, Prompt::decide, Prompt::evolve,
            PromptCommand.class, PromptEvent.class);

    private AggregateDeciders() {
    }

    static Decider of(AggregateCommand command) {
        return switch (command) {
            case CardCommand card -> CARD;
            case DeckCommand deck -> DECK;
            case TemplateCommand template -> TEMPLATE;
            case PromptCommand prompt -> PROMPT;
            default -> throw new IllegalArgumentException("no aggregate decides " + command.getClass().getName());
        };
    }

    private record Typed<S, C, E>(String type, Supplier<S> initialState, BiFunction<S, C, List<E>> decider,
                                  BiFunction<S, E, S> evolver, Class<C> commands, Class<E> events) implements Decider {

        @Override
        public Object initial() {
            return initialState.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<?> decide(Object state, AggregateCommand command) {
            return decider.apply((S) state, commands.cast(command));
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object evolve(Object state, Object event) {
            return evolver.apply((S) state, events.cast(event));
        }
    }
}
