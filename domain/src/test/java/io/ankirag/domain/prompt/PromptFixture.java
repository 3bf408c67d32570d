package io.ankirag.domain.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.List;

/**
 * Given events, when a command, then events or a refusal. The decided events are folded as the event store
 * would, so a decision the aggregate could not replay fails the test too.
 */
final class PromptFixture {

    private final Prompt state;

    private PromptFixture(Prompt state) {
        this.state = state;
    }

    static PromptFixture given(PromptEvent... history) {
        Prompt state = Prompt.initial();
        for (PromptEvent event : history) {
            state = state.evolve(event);
        }
        return new PromptFixture(state);
    }

    When when(PromptCommand command) {
        return new When(command);
    }

    final class When {

        private final PromptCommand command;

        private When(PromptCommand command) {
            this.command = command;
        }

        void then(PromptEvent... expected) {
            List<PromptEvent> decided = state.decide(command);
            Prompt next = state;
            for (PromptEvent event : decided) {
                next = next.evolve(event);
            }
            assertThat(decided).as("events decided for %s", command).containsExactly(expected);
        }

        void thenRefused(ErrorCode code, String detail) {
            assertThatThrownBy(() -> state.decide(command))
                    .isInstanceOfSatisfying(DomainException.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo(code);
                        assertThat(refusal.detail()).contains(detail);
                    });
        }
    }
}
