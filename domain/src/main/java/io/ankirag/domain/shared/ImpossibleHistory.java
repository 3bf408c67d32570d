package io.ankirag.domain.shared;

/**
 * An event that cannot follow the state it is applied to: the stored history is corrupt or an aggregate's
 * {@code decide} and {@code evolve} disagree. Never a user error, so never a {@code DomainException}.
 */
public final class ImpossibleHistory extends IllegalStateException {

    public ImpossibleHistory(Object state, Object event) {
        super(event.getClass().getSimpleName() + " cannot follow " + state.getClass().getSimpleName());
    }
}
