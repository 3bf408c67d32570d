package io.ankirag.adapter.in.rest.user;

import io.ankirag.adapter.in.rest.security.CurrentUser;
import io.ankirag.adapter.in.rest.user.UserDtos.UpdateMeRequest;
import io.ankirag.adapter.in.rest.user.UserDtos.UserResponse;
import io.ankirag.application.port.in.user.UpdateProfileUseCase;
import io.ankirag.application.port.in.user.UpdateProfileUseCase.ProfileChanges;
import io.ankirag.application.port.in.user.UserProfileQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users/me")
@Tag(name = "Users")
class MeController {

    private final UserProfileQuery profiles;
    private final UpdateProfileUseCase updateProfile;
    private final UserDtoMapper mapper;

    MeController(UserProfileQuery profiles, UpdateProfileUseCase updateProfile, UserDtoMapper mapper) {
        this.profiles = profiles;
        this.updateProfile = updateProfile;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(summary = "The signed-in user's account and preferences")
    UserResponse me(@AuthenticationPrincipal CurrentUser caller) {
        return mapper.toResponse(profiles.profile(caller.id()));
    }

    @PatchMapping
    @Operation(summary = "Change name, preferences or password (a new password signs out every session)")
    UserResponse update(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody UpdateMeRequest request) {
        ProfileChanges changes = new ProfileChanges(request.displayName(), request.currentPassword(), request.newPassword(),
                request.preferredLanguage(), request.defaultModel(), request.defaultEmbedder());
        return mapper.toResponse(updateProfile.updateProfile(caller.id(), changes));
    }
}
