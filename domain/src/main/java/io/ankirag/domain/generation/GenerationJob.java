package io.ankirag.domain.generation;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.generation.GenerationJobCommand.CancelGeneration;
import io.ankirag.domain.generation.GenerationJobCommand.CompleteGeneration;
import io.ankirag.domain.generation.GenerationJobCommand.DropDuplicateCandidate;
import io.ankirag.domain.generation.GenerationJobCommand.FailGeneration;
import io.ankirag.domain.generation.GenerationJobCommand.RecordGeneratedCard;
import io.ankirag.domain.generation.GenerationJobCommand.RejectCandidate;
import io.ankirag.domain.generation.GenerationJobCommand.ReportGenerationProgress;
import io.ankirag.domain.generation.GenerationJobCommand.RequestGeneration;
import io.ankirag.domain.generation.GenerationJobCommand.StartGenerationRun;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationCancelled;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationCandidateRejected;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationCardProduced;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationCompleted;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationDuplicateDropped;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationFailed;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationProgressed;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationRequested;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationRunStarted;
import io.ankirag.domain.shared.ImpossibleHistory;
import io.ankirag.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One request for cards, from {@link Pending} through {@link Running} to {@link Finished} (completed, failed or
 * cancelled: spec appendix B). Nothing is added to a finished job; a job never holds more cards than were asked
 * for; only the worker of the current run writes into it; only the learner who asked sees it ({@code GEN_003}
 * for anyone else, as for a job that does not exist).
 */
public sealed interface GenerationJob {

    /** A job whose workers keep vanishing (crashes, lost leases) is given up after this many runs. */
    int MAX_RUNS = 3;
    int MAX_MESSAGE_LENGTH = 2_000;

    List<GenerationJobEvent> decide(GenerationJobCommand command);

    GenerationJob evolve(GenerationJobEvent event);

    static GenerationJob initial() {
        return new Unborn();
    }

    record Unborn() implements GenerationJob {

        @Override
        public List<GenerationJobEvent> decide(GenerationJobCommand command) {
            if (command instanceof RequestGeneration request) {
                return List.of(new GenerationRequested(request.jobId(), request.actor(), request.request(), request.at()));
            }
            throw notFound(command.jobId());
        }

        @Override
        public GenerationJob evolve(GenerationJobEvent event) {
            if (event instanceof GenerationRequested requested) {
                return new Pending(requested.jobId(), requested.ownerId(), requested.request());
            }
            throw new ImpossibleHistory(this, event);
        }
    }

    /** Requested; no worker has taken it yet. */
    record Pending(GenerationJobId id, UserId ownerId, GenerationRequest request) implements GenerationJob {

        @Override
        public List<GenerationJobEvent> decide(GenerationJobCommand command) {
            requireOwner(ownerId, command);
            return switch (command) {
                case RequestGeneration request -> throw alreadyExists(id);
                case StartGenerationRun start -> List.of(new GenerationRunStarted(id, start.runId(), 1, start.at()));
                case CancelGeneration cancel -> List.of(new GenerationCancelled(id, cancel.at()));
                case ReportGenerationProgress ignored -> throw notRunning(id, "has not started");
                case RecordGeneratedCard ignored -> throw notRunning(id, "has not started");
                case DropDuplicateCandidate ignored -> throw notRunning(id, "has not started");
                case RejectCandidate ignored -> throw notRunning(id, "has not started");
                case CompleteGeneration ignored -> throw notRunning(id, "has not started");
                case FailGeneration ignored -> throw notRunning(id, "has not started");
            };
        }

        @Override
        public GenerationJob evolve(GenerationJobEvent event) {
            return switch (event) {
                case GenerationRunStarted started -> new Running(id, ownerId, request, started.runId(), started.run(),
                        List.of(), 0, 0);
                case GenerationCancelled cancelled -> new Finished(id, ownerId, GenerationStatus.CANCELLED);
                default -> throw new ImpossibleHistory(this, event);
            };
        }
    }

    /**
     * @param cards      the cards made so far, card {@code n} at index {@code n - 1}
     * @param candidates how many of the model's candidates have been dealt with (kept, dropped or rejected)
     * @param failed     how many candidates were rejected
     */
    record Running(GenerationJobId id, UserId ownerId, GenerationRequest request, UUID runId, int runs, List<CardId> cards,
                   int candidates, int failed) implements GenerationJob {

        public Running {
            cards = List.copyOf(cards);
        }

        @Override
        public List<GenerationJobEvent> decide(GenerationJobCommand command) {
            requireOwner(ownerId, command);
            return switch (command) {
                case RequestGeneration request -> throw alreadyExists(id);
                case StartGenerationRun start -> start(start);
                case CancelGeneration cancel -> List.of(new GenerationCancelled(id, cancel.at()));
                case ReportGenerationProgress progress -> {
                    requireRun(progress.runId());
                    String message = message(progress.message());
                    yield message.isEmpty() ? List.of() : List.of(new GenerationProgressed(id, message, progress.at()));
                }
                case RecordGeneratedCard card -> record(card);
                case DropDuplicateCandidate drop -> {
                    requireRun(drop.runId());
                    yield List.of(new GenerationDuplicateDropped(id, candidates + 1, drop.fields(), drop.duplicateOf(),
                            drop.similarity(), drop.at()));
                }
                case RejectCandidate reject -> {
                    requireRun(reject.runId());
                    yield List.of(new GenerationCandidateRejected(id, candidates + 1, reject.fields(), reject.code(),
                            message(reject.reason()), reject.at()));
                }
                case CompleteGeneration complete -> {
                    requireRun(complete.runId());
                    yield List.of(new GenerationCompleted(id, cards.size(), failed, complete.at()));
                }
                case FailGeneration fail -> {
                    requireRun(fail.runId());
                    yield List.of(new GenerationFailed(id, fail.code(), message(fail.message()), fail.at()));
                }
            };
        }

        /** The same run again is a worker repeating itself; a new one takes over, unless too many already have. */
        private List<GenerationJobEvent> start(StartGenerationRun start) {
            if (start.runId().equals(runId)) {
                return List.of();
            }
            if (runs >= MAX_RUNS) {
                return List.of(new GenerationFailed(id, ErrorCode.SYS_001,
                        "generation was interrupted " + runs + " times and has been given up", start.at()));
            }
            return List.of(new GenerationRunStarted(id, start.runId(), runs + 1, start.at()));
        }

        private List<GenerationJobEvent> record(RecordGeneratedCard card) {
            requireRun(card.runId());
            if (cards.contains(card.cardId())) {
                return List.of();
            }
            if (cards.size() >= request.numCards()) {
                throw new DomainException(ErrorCode.GEN_002, "job " + id + " already has the " + request.numCards()
                        + " cards it asked for");
            }
            return List.of(new GenerationCardProduced(id, cards.size() + 1, candidates + 1, card.cardId(),
                    card.templateId(), card.fields(), card.factCheck(), card.model(), card.at()));
        }

        private void requireRun(UUID run) {
            if (!runId.equals(run)) {
                throw notRunning(id, "is being generated by another worker now");
            }
        }

        @Override
        public GenerationJob evolve(GenerationJobEvent event) {
            return switch (event) {
                case GenerationRequested requested -> throw new ImpossibleHistory(this, event);
                case GenerationRunStarted started -> new Running(id, ownerId, request, started.runId(), started.run(), cards,
                        candidates, failed);
                case GenerationProgressed progressed -> this;
                case GenerationCardProduced produced -> {
                    List<CardId> next = new ArrayList<>(cards);
                    next.add(produced.cardId());
                    yield new Running(id, ownerId, request, runId, runs, next, candidates + 1, failed);
                }
                case GenerationDuplicateDropped dropped -> new Running(id, ownerId, request, runId, runs, cards,
                        candidates + 1, failed);
                case GenerationCandidateRejected rejected -> new Running(id, ownerId, request, runId, runs, cards,
                        candidates + 1, failed + 1);
                case GenerationCompleted completed -> new Finished(id, ownerId, GenerationStatus.COMPLETED);
                case GenerationFailed failedJob -> new Finished(id, ownerId, GenerationStatus.FAILED);
                case GenerationCancelled cancelled -> new Finished(id, ownerId, GenerationStatus.CANCELLED);
            };
        }
    }

    /** Completed, failed or cancelled: nothing more happens to it; the cards it made stay as they are. */
    record Finished(GenerationJobId id, UserId ownerId, GenerationStatus status) implements GenerationJob {

        @Override
        public List<GenerationJobEvent> decide(GenerationJobCommand command) {
            requireOwner(ownerId, command);
            return switch (command) {
                case RequestGeneration request -> throw alreadyExists(id);
                case CancelGeneration cancel -> {
                    if (status == GenerationStatus.CANCELLED) {
                        yield List.of();
                    }
                    throw notRunning(id, "is " + status.wireName() + "; only a pending or running job can be cancelled");
                }
                default -> throw notRunning(id, "is " + status.wireName());
            };
        }

        @Override
        public GenerationJob evolve(GenerationJobEvent event) {
            throw new ImpossibleHistory(this, event);
        }
    }

    private static void requireOwner(UserId ownerId, GenerationJobCommand command) {
        if (!ownerId.equals(command.actor())) {
            throw notFound(command.jobId());
        }
    }

    private static String message(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        return stripped.length() <= MAX_MESSAGE_LENGTH ? stripped : stripped.substring(0, MAX_MESSAGE_LENGTH);
    }

    private static DomainException notFound(GenerationJobId id) {
        return new DomainException(ErrorCode.GEN_003, "no generation job with id " + id);
    }

    private static DomainException notRunning(GenerationJobId id, String why) {
        return new DomainException(ErrorCode.GEN_004, "generation job " + id + " " + why);
    }

    private static DomainException alreadyExists(GenerationJobId id) {
        return new DomainException(ErrorCode.REQ_002, "generation job " + id + " already exists");
    }
}
