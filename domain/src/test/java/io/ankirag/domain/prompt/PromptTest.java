package io.ankirag.domain.prompt;

import static io.ankirag.domain.prompt.PromptFixture.given;

import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.prompt.PromptCommand.ActivatePromptVersion;
import io.ankirag.domain.prompt.PromptCommand.CreatePrompt;
import io.ankirag.domain.prompt.PromptCommand.DeletePrompt;
import io.ankirag.domain.prompt.PromptCommand.RevisePrompt;
import io.ankirag.domain.prompt.PromptEvent.PromptCreated;
import io.ankirag.domain.prompt.PromptEvent.PromptDeleted;
import io.ankirag.domain.prompt.PromptEvent.PromptRevised;
import io.ankirag.domain.prompt.PromptEvent.PromptVersionActivated;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PromptTest {

    static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final UserId ADMIN = new UserId(UUID.fromString("00000000-0000-7000-8000-0000000000ad"));
    static final PromptName NAME = new PromptName("summarizer");
    static final PromptId ID = PromptId.of(NAME);
    static final PromptVersionId V1 = versionId(1);
    static final PromptVersionId V2 = versionId(2);
    static final PromptVersionId V3 = versionId(3);
    static final PromptContent FIRST = content("Summarize {text}", 0.7);
    static final PromptContent SECOND = content("Summarize briefly: {text}", 0.3);

    static final PromptCreated CREATED = created(ADMIN, false);
    static final PromptRevised REVISED_V2 = revised(V2, 2, V1, SECOND);
    static final PromptVersionActivated V2_ACTIVATED = new PromptVersionActivated(ID, V2, 2, T1);

    @Test
    void createsVersionOneActive() {
        given()
                .when(new CreatePrompt(NAME, V1, FIRST, ADMIN, T0))
                .then(CREATED);
    }

    @Test
    void promptCreatedByTheInstallationIsASystemPrompt() {
        given()
                .when(new CreatePrompt(NAME, V1, FIRST, UserId.SYSTEM, T0))
                .then(created(UserId.SYSTEM, true));
    }

    @Test
    void refusesASecondPromptOfTheSameName() {
        given(CREATED)
                .when(new CreatePrompt(NAME, V2, SECOND, ADMIN, T1))
                .thenRefused(ErrorCode.PROMPT_002, "already exists");
    }

    @Test
    void revisionBecomesTheNextVersionAndActiveByDefault() {
        given(CREATED)
                .when(new RevisePrompt(ID, V2, V1, SECOND, true, ADMIN, T1))
                .then(REVISED_V2, V2_ACTIVATED);
    }

    @Test
    void revisionCanWaitInactive() {
        given(CREATED)
                .when(new RevisePrompt(ID, V2, V1, SECOND, false, ADMIN, T1))
                .then(REVISED_V2);
    }

    @Test
    void revisionFromAnOlderVersionRecordsThatParentAndTakesTheNextNumber() {
        given(CREATED, REVISED_V2, V2_ACTIVATED)
                .when(new RevisePrompt(ID, V3, V1, SECOND, true, ADMIN, T1))
                .then(revised(V3, 3, V1, SECOND), new PromptVersionActivated(ID, V3, 3, T1));
    }

    @Test
    void revisionFromAVersionOfAnotherPromptIsRefused() {
        given(CREATED)
                .when(new RevisePrompt(ID, V2, versionId(99), SECOND, true, ADMIN, T1))
                .thenRefused(ErrorCode.PROMPT_001, "has no version");
    }

    @Test
    void aVersionIdIsNeverReused() {
        given(CREATED)
                .when(new RevisePrompt(ID, V1, V1, SECOND, true, ADMIN, T1))
                .thenRefused(ErrorCode.REQ_002, "already has a version");
    }

    @Test
    void activatesAnOlderVersion() {
        given(CREATED, REVISED_V2, V2_ACTIVATED)
                .when(new ActivatePromptVersion(ID, 1, ADMIN, T1))
                .then(new PromptVersionActivated(ID, V1, 1, T1));
    }

    @Test
    void activatingTheActiveVersionChangesNothing() {
        given(CREATED, REVISED_V2, V2_ACTIVATED)
                .when(new ActivatePromptVersion(ID, 2, ADMIN, T1))
                .then();
    }

    @Test
    void activatingAMissingVersionIsRefused() {
        given(CREATED, REVISED_V2)
                .when(new ActivatePromptVersion(ID, 3, ADMIN, T1))
                .thenRefused(ErrorCode.PROMPT_001, "no version 3");
        given(CREATED)
                .when(new ActivatePromptVersion(ID, 0, ADMIN, T1))
                .thenRefused(ErrorCode.PROMPT_001, "no version 0");
    }

    @Test
    void deletesAPrompt() {
        given(CREATED, REVISED_V2)
                .when(new DeletePrompt(ID, ADMIN, T1))
                .then(new PromptDeleted(ID, T1));
    }

    @Test
    void systemPromptCannotBeDeletedButCanBeRevised() {
        PromptCreated system = created(UserId.SYSTEM, true);
        given(system)
                .when(new DeletePrompt(ID, ADMIN, T1))
                .thenRefused(ErrorCode.PROMPT_003, "cannot be deleted");
        given(system)
                .when(new RevisePrompt(ID, V2, V1, SECOND, true, ADMIN, T1))
                .then(REVISED_V2, V2_ACTIVATED);
    }

    @Test
    void deletedPromptIsGoneAndItsNameStaysTaken() {
        PromptDeleted deleted = new PromptDeleted(ID, T1);
        given(CREATED, deleted)
                .when(new RevisePrompt(ID, V2, V1, SECOND, true, ADMIN, T1))
                .thenRefused(ErrorCode.PROMPT_001, "no prompt");
        given(CREATED, deleted)
                .when(new ActivatePromptVersion(ID, 1, ADMIN, T1))
                .thenRefused(ErrorCode.PROMPT_001, "no prompt");
        given(CREATED, deleted)
                .when(new DeletePrompt(ID, ADMIN, T1))
                .thenRefused(ErrorCode.PROMPT_001, "no prompt");
        given(CREATED, deleted)
                .when(new CreatePrompt(NAME, V2, FIRST, ADMIN, T1))
                .thenRefused(ErrorCode.PROMPT_002, "stays reserved");
    }

    @Test
    void nothingButCreationHappensToAPromptThatDoesNotExist() {
        given()
                .when(new RevisePrompt(ID, V2, V1, SECOND, true, ADMIN, T1))
                .thenRefused(ErrorCode.PROMPT_001, "no prompt");
        given()
                .when(new DeletePrompt(ID, ADMIN, T1))
                .thenRefused(ErrorCode.PROMPT_001, "no prompt");
    }

    static PromptContent content(String template, double temperature) {
        return new PromptContent(PromptCategory.GENERATION, "You summarize.", template,
                "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}}}", temperature, 1000);
    }

    static PromptCreated created(UserId by, boolean system) {
        return new PromptCreated(ID, V1, NAME.value(), system, FIRST.category(), FIRST.systemPrompt(),
                FIRST.userPromptTemplate(), FIRST.variablesSchema(), FIRST.temperature(), FIRST.maxTokens(), by, T0);
    }

    static PromptRevised revised(PromptVersionId id, int number, PromptVersionId parent, PromptContent content) {
        return new PromptRevised(ID, id, number, parent, content.category(), content.systemPrompt(),
                content.userPromptTemplate(), content.variablesSchema(), content.temperature(), content.maxTokens(), ADMIN, T1);
    }

    static PromptVersionId versionId(int n) {
        return new PromptVersionId(new UUID(0x0000_0000_0000_7000L, n));
    }
}
