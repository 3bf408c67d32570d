package io.ankirag.bootstrap.axon;

import io.ankirag.domain.shared.AggregateCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/** Finds the target aggregate from the domain's own {@link AggregateCommand#aggregateId()}, so commands need no Axon annotation. */
@Component(AggregateCommandTargetResolver.BEAN_NAME)
class AggregateCommandTargetResolver implements CommandTargetResolver {

    static final String BEAN_NAME = "aggregateCommandTargetResolver";

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof AggregateCommand addressed) {
            return new VersionedAggregateIdentifier(addressed.aggregateId().toString(), null);
        }
        throw new IllegalArgumentException(command.getPayloadType().getName() + " does not say which aggregate it is for");
    }
}
