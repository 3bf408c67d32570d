package io.ankirag.adapter.in.rest.security;

import io.ankirag.application.port.in.auth.AuthenticatedUserQuery;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.user.User;
import io.ankirag.domain.user.UserId;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Turns a verified access token into the caller, reading role and status from the database rather than from
 * the token, so that a deactivation or demotion takes effect on the very next request.
 */
@Component
class ActiveUserAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final AuthenticatedUserQuery users;

    ActiveUserAuthenticationConverter(AuthenticatedUserQuery users) {
        this.users = users;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        User user;
        try {
            user = users.activeUser(UserId.of(jwt.getSubject()));
        } catch (DomainException refused) {
            throw new CodedAuthenticationException(refused.code(), refused.detail());
        } catch (IllegalArgumentException notAUserId) {
            throw new CodedAuthenticationException(io.ankirag.domain.error.ErrorCode.AUTH_001, "access token is not valid");
        }
        CurrentUser principal = new CurrentUser(user.id(), user.role());
        var authority = new SimpleGrantedAuthority("ROLE_" + user.role().name());
        return new UsernamePasswordAuthenticationToken(principal, jwt, List.of(authority));
    }
}
