package io.ankirag.application.sync;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.card.CardFilter;
import io.ankirag.application.port.in.card.CardSlice;
import io.ankirag.application.port.in.card.CardView;
import io.ankirag.application.port.in.deck.DeckView;
import io.ankirag.application.port.in.template.TemplateView;
import io.ankirag.application.port.out.card.CardReadModelPort;
import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.application.port.out.deck.DeckReadModelPort;
import io.ankirag.application.port.out.media.StoreMediaPort;
import io.ankirag.application.port.out.template.FindTemplateFieldsPort;
import io.ankirag.application.port.out.template.TemplateReadModelPort;
import io.ankirag.domain.card.Card;
import io.ankirag.domain.card.CardCommand;
import io.ankirag.domain.card.CardEvent;
import io.ankirag.domain.card.CardEvent.CardCreated;
import io.ankirag.domain.card.CardEvent.CardEdited;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.deck.DeckCommand.CreateDeck;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.shared.AggregateCommand;
import io.ankirag.domain.template.CardTemplate;
import io.ankirag.domain.template.SystemTemplates;
import io.ankirag.domain.template.TemplateCommand;
import io.ankirag.domain.template.TemplateEvent;
import io.ankirag.domain.template.TemplateEvent.TemplateCreated;
import io.ankirag.domain.template.TemplateFields;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Decks, templates, cards and media in memory; commands are decided by the real aggregates, so refusals are the
 * domain's own. Reads show every write at once, like the real sender that waits for the projections.
 */
final class InMemoryLibrary implements SendCommandPort, DeckReadModelPort, TemplateReadModelPort, FindTemplateFieldsPort,
        CardReadModelPort, StoreMediaPort {

    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

    final Map<DeckId, DeckView> decks = new LinkedHashMap<>();
    final Map<TemplateId, TemplateView> templates = new LinkedHashMap<>();
    final Map<CardId, CardView> cards = new LinkedHashMap<>();
    final Map<String, byte[]> media = new LinkedHashMap<>();
    final Map<UUID, List<CardEvent>> cardStreams = new HashMap<>();
    final Map<UUID, List<TemplateEvent>> templateStreams = new HashMap<>();
    int units;
    Integer failNextUnitAfter;
    /** Runs as a unit starts, before it decides anything. */
    Runnable beforeUnit = () -> { };
    String refuseMediaNamed;

    InMemoryLibrary() {
        for (SystemTemplates.SystemTemplate system : SystemTemplates.ALL) {
            send(new TemplateCommand.CreateTemplate(system.id(), UserId.SYSTEM, system.name(), system.kind(), system.design(), AT));
        }
    }

    /** One by one: good enough for tests whose commands are never refused halfway. */
    @Override
    public void sendAll(java.util.List<? extends AggregateCommand> commands) {
        commands.forEach(this::send);
    }

    @Override
    public void send(AggregateCommand command) {
        switch (command) {
            case CreateDeck create -> decks.put(create.deckId(), new DeckView(create.deckId(), create.actor(),
                    create.name().value(), null, create.parentId(), 0, AT, AT));
            case TemplateCommand template -> {
                CardTemplate state = CardTemplate.initial();
                for (TemplateEvent event : templateStreams.getOrDefault(template.aggregateId(), List.of())) {
                    state = state.evolve(event);
                }
                for (TemplateEvent event : state.decide(template)) {
                    templateStreams.computeIfAbsent(template.aggregateId(), id -> new ArrayList<>()).add(event);
                    if (event instanceof TemplateCreated created) {
                        templates.put(created.templateId(), new TemplateView(created.templateId(), created.ownerId(),
                                created.name(), created.displayName(), created.kind(), new TemplateFields(created.fields()),
                                created.cardTypes(), created.css(), created.ownerId().equals(UserId.SYSTEM), AT, AT));
                    }
                }
            }
            case CardCommand card -> {
                Card state = Card.initial();
                for (CardEvent event : cardStreams.getOrDefault(card.aggregateId(), List.of())) {
                    state = state.evolve(event);
                }
                for (CardEvent event : state.decide(card)) {
                    cardStreams.computeIfAbsent(card.aggregateId(), id -> new ArrayList<>()).add(event);
                    project(event);
                }
            }
            default -> throw new IllegalArgumentException("unexpected command " + command);
        }
    }

    /**
     * Atomic like the real sender: on a refused required command, or a failure, every map is as it was before.
     * {@link #failNextUnitAfter} makes the next unit fail once it has decided that many of its {@code each} commands.
     */
    @Override
    public List<DomainException> sendTogether(List<? extends AggregateCommand> required, List<? extends AggregateCommand> each,
                                              Consumer<List<DomainException>> beforeCommit) {
        units++;
        beforeUnit.run();
        Snapshot before = new Snapshot(this);
        try {
            required.forEach(this::send);
            List<DomainException> refusals = new ArrayList<>();
            for (AggregateCommand command : each) {
                if (failNextUnitAfter != null && refusals.size() == failNextUnitAfter) {
                    failNextUnitAfter = null;
                    throw new IllegalStateException("the database went away");
                }
                try {
                    send(command);
                    refusals.add(null);
                } catch (DomainException refused) {
                    refusals.add(refused);
                }
            }
            beforeCommit.accept(refusals);
            return refusals;
        } catch (RuntimeException failure) {
            before.restore(this);
            throw failure;
        }
    }

    /** Copies of every map a unit can change. */
    private record Snapshot(Map<DeckId, DeckView> decks, Map<TemplateId, TemplateView> templates, Map<CardId, CardView> cards,
                            Map<UUID, List<CardEvent>> cardStreams, Map<UUID, List<TemplateEvent>> templateStreams) {

        Snapshot(InMemoryLibrary library) {
            this(new LinkedHashMap<>(library.decks), new LinkedHashMap<>(library.templates), new LinkedHashMap<>(library.cards),
                    copy(library.cardStreams), copy(library.templateStreams));
        }

        private static <E> Map<UUID, List<E>> copy(Map<UUID, List<E>> streams) {
            Map<UUID, List<E>> copy = new HashMap<>();
            streams.forEach((id, events) -> copy.put(id, new ArrayList<>(events)));
            return copy;
        }

        void restore(InMemoryLibrary library) {
            library.decks.clear();
            library.decks.putAll(decks);
            library.templates.clear();
            library.templates.putAll(templates);
            library.cards.clear();
            library.cards.putAll(cards);
            library.cardStreams.clear();
            library.cardStreams.putAll(cardStreams);
            library.templateStreams.clear();
            library.templateStreams.putAll(templateStreams);
        }
    }

    private void project(CardEvent event) {
        switch (event) {
            case CardCreated c -> cards.put(c.cardId(), new CardView(c.cardId(), c.ownerId(), c.deckId(), c.templateId(),
                    c.fields(), c.tags(), c.status(), c.origin(), c.ankiIds() == null ? null : c.ankiIds().noteId(),
                    c.ankiIds() == null ? null : c.ankiIds().cardId(), c.ankiIds() == null ? null : c.ankiIds().guid(),
                    c.ankiIds() == null ? null : c.ankiIds().noteTypeId(),
                    null, 0, null, c.ownerId(), c.ownerId(), AT, AT, null));
            case CardEdited e -> {
                CardView v = cards.get(e.cardId());
                cards.put(e.cardId(), new CardView(v.id(), v.ownerId(), v.deckId(), v.templateId(), e.fields(), e.tags(),
                        v.status(), v.origin(), v.ankiNoteId(), v.ankiCardId(), v.ankiGuid(), v.ankiNoteTypeId(), null, 0, null, v.createdBy(), v.updatedBy(),
                        v.createdAt(), AT, v.syncedAt()));
            }
            default -> throw new IllegalArgumentException("unexpected event " + event);
        }
    }

    List<CardView> cardsOf(UserId owner) {
        return cards.values().stream().filter(card -> card.ownerId().equals(owner)).toList();
    }

    @Override
    public Optional<DeckView> deckOf(UserId owner, DeckId id) {
        return Optional.ofNullable(decks.get(id)).filter(deck -> deck.ownerId().equals(owner));
    }

    @Override
    public List<DeckView> allDecksOf(UserId owner) {
        return decks.values().stream().filter(deck -> deck.ownerId().equals(owner)).toList();
    }

    @Override
    public Page<DeckView> deckPage(UserId owner, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<TemplateView> visibleTemplate(UserId user, TemplateId id) {
        return Optional.ofNullable(templates.get(id)).filter(t -> t.system() || t.ownerId().equals(user));
    }

    @Override
    public Page<TemplateView> visibleTemplatePage(UserId user, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean ownsTemplateNamed(UserId owner, String name) {
        return ownTemplateNamed(owner, name).isPresent();
    }

    @Override
    public Optional<TemplateView> ownTemplateNamed(UserId owner, String name) {
        return templates.values().stream()
                .filter(t -> !t.system() && t.ownerId().equals(owner) && t.name().equalsIgnoreCase(name))
                .findFirst();
    }

    @Override
    public long liveCardsUsing(UserId owner, TemplateId template) {
        return cards.values().stream().filter(c -> c.ownerId().equals(owner) && c.templateId().equals(template)).count();
    }

    @Override
    public Optional<TemplateFields> templateFieldsFor(UserId user, TemplateId template) {
        return visibleTemplate(user, template).map(TemplateView::fields);
    }

    @Override
    public Optional<CardView> cardOf(UserId owner, CardId id) {
        return Optional.ofNullable(cards.get(id)).filter(card -> card.ownerId().equals(owner));
    }

    @Override
    public List<CardView> cardsOf(UserId owner, List<CardId> ids) {
        return ids.stream().map(id -> cardOf(owner, id).orElse(null)).filter(Objects::nonNull).toList();
    }

    @Override
    public CardSlice cardSlice(UserId owner, CardFilter filter, List<DeckId> decks, String cursor, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<CardId> cardIdsIn(UserId owner, DeckId deck) {
        return cardsOf(owner).stream().filter(card -> card.deckId().equals(deck)).map(CardView::id).toList();
    }

    @Override
    public List<CardView> cardsOfAnkiNotes(UserId owner, List<Long> ankiNoteIds) {
        return cardsOf(owner).stream().filter(card -> ankiNoteIds.contains(card.ankiNoteId())).toList();
    }

    @Override
    public void store(UserId owner, String name, InputStream content) {
        if (name.equals(refuseMediaNamed)) {
            throw new DomainException(io.ankirag.domain.error.ErrorCode.SYS_001, "a media file could not be stored");
        }
        try {
            media.put(owner + "/" + name, content.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public java.util.OptionalLong sizeOf(UserId owner, String name) {
        byte[] bytes = media.get(owner + "/" + name);
        return bytes == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(bytes.length);
    }

    @Override
    public InputStream open(UserId owner, String name) {
        return new java.io.ByteArrayInputStream(media.get(owner + "/" + name));
    }

    @Override
    public void remove(UserId owner, String name) {
        media.remove(owner + "/" + name);
    }
}
