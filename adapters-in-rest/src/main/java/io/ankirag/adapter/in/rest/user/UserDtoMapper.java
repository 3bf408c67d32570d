package io.ankirag.adapter.in.rest.user;

import io.ankirag.adapter.in.rest.user.UserDtos.UserResponse;
import io.ankirag.domain.user.DisplayName;
import io.ankirag.domain.user.Email;
import io.ankirag.domain.user.Role;
import io.ankirag.domain.user.User;
import io.ankirag.domain.user.UserId;
import java.util.Locale;
import java.util.UUID;
import io.ankirag.adapter.in.rest.mapping.DomainIds;
import org.mapstruct.Mapper;

@Mapper(uses = DomainIds.class)
interface UserDtoMapper {

    UserResponse toResponse(User user);

    default String email(Email email) {
        return email.value();
    }

    default String displayName(DisplayName name) {
        return name.value();
    }

    default String role(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    default Role role(String role) {
        return role == null ? null : Role.valueOf(role.toUpperCase(Locale.ROOT));
    }
}
