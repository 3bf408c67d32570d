package io.ankirag.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Given events, when a command, then events, nothing, or a refusal: the specification shape for a pure
 * decide/evolve aggregate, without Axon.
 *
 * <pre>{@code
 * DeciderFixture.of(Deck.initial(), Deck::decide, Deck::evolve)
 *         .given(created)
 *         .when(rename)
 *         .then(renamed);
 * }</pre>
 *
 * <p>{@code given} folds its events at once, so a history that {@code evolve} rejects throws right there.
 * The decided events are folded too, as the event store would: a decision the aggregate itself could not
 * replay fails the test even where the expected events match.
 *
 * @param <S> the aggregate's state
 * @param <C> its command type
 * @param <E> its event type
 */
public final class DeciderFixture<S, C, E> {

    private final S initial;
    private final BiFunction<S, C, List<E>> decide;
    private final BiFunction<S, E, S> evolve;

    private DeciderFixture(S initial, BiFunction<S, C, List<E>> decide, BiFunction<S, E, S> evolve) {
        this.initial = initial;
        this.decide = decide;
        this.evolve = evolve;
    }

    public static <S, C, E> DeciderFixture<S, C, E> of(S initial, BiFunction<S, C, List<E>> decide,
                                                        BiFunction<S, E, S> evolve) {
        return new DeciderFixture<>(initial, decide, evolve);
    }

    @SafeVarargs
    public final Given given(E... history) {
        S state = initial;
        for (E event : history) {
            state = evolve.apply(state, event);
        }
        return new Given(state);
    }

    /** A command on the initial state, with no history. */
    public When when(C command) {
        return new Given(initial).when(command);
    }

    public final class Given {

        private final S state;

        private Given(S state) {
            this.state = state;
        }

        public When when(C command) {
            try {
                return new When(state, command, decide.apply(state, command), null);
            } catch (DomainException refusal) {
                return new When(state, command, null, refusal);
            }
        }
    }

    public final class When {

        private final S state;
        private final C command;
        private final List<E> decided;
        private final DomainException refusal;

        private When(S state, C command, List<E> decided, DomainException refusal) {
            this.state = state;
            this.command = command;
            this.decided = decided;
            this.refusal = refusal;
        }

        @SafeVarargs
        public final void then(E... expected) {
            assertThat(accepted()).as("events decided for %s", command).containsExactlyElementsOf(Arrays.asList(expected));
        }

        public void thenNothing() {
            assertThat(accepted()).as("events decided for %s", command).isEmpty();
        }

        public Refusal thenRefused(ErrorCode code) {
            if (refusal == null) {
                fail("expected %s to be refused with %s, but it decided %s", command, code, decided);
            }
            assertThat(refusal.code()).as("code of the refusal of %s (%s)", command, refusal.detail()).isEqualTo(code);
            return new Refusal(refusal);
        }

        private List<E> accepted() {
            if (refusal != null) {
                throw new AssertionError("expected " + command + " to be decided, but it was refused with "
                        + refusal.code() + ": " + refusal.detail(), refusal);
            }
            S next = state;
            for (E event : decided) {
                next = evolve.apply(next, event);
            }
            return decided;
        }
    }

    public static final class Refusal {

        private final DomainException refusal;

        private Refusal(DomainException refusal) {
            this.refusal = refusal;
        }

        public void withDetailContaining(String text) {
            assertThat(refusal.detail()).as("detail of the %s refusal", refusal.code()).contains(text);
        }
    }
}
