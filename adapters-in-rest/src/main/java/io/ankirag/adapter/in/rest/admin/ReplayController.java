package io.ankirag.adapter.in.rest.admin;

import io.ankirag.application.port.in.replay.ReplayReadModelsUseCase;
import io.ankirag.application.port.in.replay.ReplayReadModelsUseCase.ProjectionProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators only (see the security chain). */
@RestController
@RequestMapping("/api/admin/replay")
@Tag(name = "Administration")
class ReplayController {

    record ReplayProgressResponse(String projection, boolean replaying, long position, long replayUntil, double fraction) {
    }

    record ReplayResponse(boolean replaying, List<ReplayProgressResponse> projections) {
    }

    private final ReplayReadModelsUseCase replay;

    ReplayController(ReplayReadModelsUseCase replay) {
        this.replay = replay;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Drop and rebuild every read model from the event store; poll GET for progress")
    ReplayResponse start() {
        return response(replay.startReplay());
    }

    @GetMapping
    @Operation(summary = "Replay progress of each projection")
    ReplayResponse progress() {
        return response(replay.replayProgress());
    }

    private static ReplayResponse response(List<ProjectionProgress> progress) {
        List<ReplayProgressResponse> projections = progress.stream()
                .map(p -> new ReplayProgressResponse(p.projection(), p.replaying(), p.position(), p.replayUntil(), p.fraction()))
                .toList();
        return new ReplayResponse(projections.stream().anyMatch(ReplayProgressResponse::replaying), projections);
    }
}
