package io.ankirag.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.List;

/** Given past events, when a command arrives: the events it yields, or the code it is refused with. */
final class Given {

    private final CardTemplate state;

    private Given(CardTemplate state) {
        this.state = state;
    }

    static Given given(TemplateEvent... history) {
        CardTemplate state = CardTemplate.initial();
        for (TemplateEvent event : history) {
            state = state.evolve(event);
        }
        return new Given(state);
    }

    List<TemplateEvent> when(TemplateCommand command) {
        return state.decide(command);
    }

    /** Asserts the refusal's code and returns its detail, for tests that check the wording. */
    String whenRefused(TemplateCommand command, ErrorCode expected) {
        StringBuilder detail = new StringBuilder();
        assertThatThrownBy(() -> state.decide(command)).isInstanceOfSatisfying(DomainException.class, refusal -> {
            detail.append(refusal.detail());
            assertThat(refusal.code()).as(refusal.detail()).isEqualTo(expected);
        });
        return detail.toString();
    }
}
