package io.ankirag.bootstrap.axon;

import io.ankirag.domain.chat.ChatSession;
import io.ankirag.domain.chat.ChatSessionCommand;
import io.ankirag.domain.chat.ChatSessionCommand.ArchiveChatSession;
import io.ankirag.domain.chat.ChatSessionCommand.AskQuestion;
import io.ankirag.domain.chat.ChatSessionCommand.DeleteChatSession;
import io.ankirag.domain.chat.ChatSessionCommand.RecordAnswer;
import io.ankirag.domain.chat.ChatSessionCommand.RenameChatSession;
import io.ankirag.domain.chat.ChatSessionCommand.RestoreChatSession;
import io.ankirag.domain.chat.ChatSessionCommand.StartChatSession;
import io.ankirag.domain.chat.ChatSessionEvent;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Hosts the pure {@link ChatSession} in Axon, exactly as {@link DeckAggregate} hosts decks. */
@Aggregate(type = "ChatSession", commandTargetResolver = AggregateCommandTargetResolver.BEAN_NAME)
class ChatSessionAggregate {

    @AggregateIdentifier
    private UUID id;
    private ChatSession state = ChatSession.initial();

    ChatSessionAggregate() {
        // Axon creates an empty instance, then replays the stream or handles the creating command.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING) // an existing id is refused by the domain, not by the store
    void handle(StartChatSession command) {
        decide(command);
    }

    @CommandHandler
    void handle(AskQuestion command) {
        decide(command);
    }

    @CommandHandler
    void handle(RecordAnswer command) {
        decide(command);
    }

    @CommandHandler
    void handle(RenameChatSession command) {
        decide(command);
    }

    @CommandHandler
    void handle(ArchiveChatSession command) {
        decide(command);
    }

    @CommandHandler
    void handle(RestoreChatSession command) {
        decide(command);
    }

    @CommandHandler
    void handle(DeleteChatSession command) {
        decide(command);
    }

    @EventSourcingHandler
    void on(ChatSessionEvent event) {
        id = event.sessionId().value();
        state = state.evolve(event);
    }

    private void decide(ChatSessionCommand command) {
        state.decide(command).forEach(AggregateLifecycle::apply);
    }
}
