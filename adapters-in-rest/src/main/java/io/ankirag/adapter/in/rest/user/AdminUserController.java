package io.ankirag.adapter.in.rest.user;

import io.ankirag.adapter.in.rest.page.PageResponse;
import io.ankirag.adapter.in.rest.security.CurrentUser;
import io.ankirag.adapter.in.rest.user.UserDtos.UpdateUserRequest;
import io.ankirag.adapter.in.rest.user.UserDtos.UserResponse;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.user.AdministerUsersUseCase;
import io.ankirag.application.port.in.user.AdministerUsersUseCase.AccountChanges;
import io.ankirag.application.port.in.user.UserDirectoryQuery;
import io.ankirag.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administration of all accounts; the security chain admits only the admin role here. */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Users (admin)")
class AdminUserController {

    private final UserDirectoryQuery directory;
    private final AdministerUsersUseCase administer;
    private final UserDtoMapper mapper;

    AdminUserController(UserDirectoryQuery directory, AdministerUsersUseCase administer, UserDtoMapper mapper) {
        this.directory = directory;
        this.administer = administer;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(summary = "All users, oldest first; q filters by email or name")
    PageResponse<UserResponse> list(@RequestParam(defaultValue = "1") int page,
                                    @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size,
                                    @RequestParam(required = false) String q) {
        return PageResponse.of(directory.users(new PageRequest(page, size), q), mapper::toResponse);
    }

    @GetMapping("/{id}")
    UserResponse get(@PathVariable UUID id) {
        return mapper.toResponse(directory.user(new UserId(id)));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename, change role, activate or deactivate (deactivation ends all sessions)")
    UserResponse update(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id,
                        @Valid @RequestBody UpdateUserRequest request) {
        AccountChanges changes = new AccountChanges(request.displayName(), mapper.role(request.role()), request.active());
        return mapper.toResponse(administer.changeAccount(caller.id(), new UserId(id), changes));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the account (soft delete; its sessions end)")
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        administer.deleteAccount(caller.id(), new UserId(id));
    }
}
