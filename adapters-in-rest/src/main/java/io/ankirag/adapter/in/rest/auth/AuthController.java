package io.ankirag.adapter.in.rest.auth;

import io.ankirag.adapter.in.rest.auth.AuthDtos.LoginRequest;
import io.ankirag.adapter.in.rest.auth.AuthDtos.MessageResponse;
import io.ankirag.adapter.in.rest.auth.AuthDtos.RefreshRequest;
import io.ankirag.adapter.in.rest.auth.AuthDtos.RegisterRequest;
import io.ankirag.adapter.in.rest.auth.AuthDtos.TokenResponse;
import io.ankirag.adapter.in.rest.security.AccessTokens;
import io.ankirag.application.port.in.auth.AuthSession;
import io.ankirag.application.port.in.auth.LogInUseCase;
import io.ankirag.application.port.in.auth.LogOutUseCase;
import io.ankirag.application.port.in.auth.RefreshSessionUseCase;
import io.ankirag.application.port.in.auth.RegisterUserUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
@Tag(name = "Auth")
class AuthController {

    private final RegisterUserUseCase register;
    private final LogInUseCase logIn;
    private final RefreshSessionUseCase refresh;
    private final LogOutUseCase logOut;
    private final AccessTokens accessTokens;

    AuthController(RegisterUserUseCase register, LogInUseCase logIn, RefreshSessionUseCase refresh,
                   LogOutUseCase logOut, AccessTokens accessTokens) {
        this.register = register;
        this.logIn = logIn;
        this.refresh = refresh;
        this.logOut = logOut;
        this.accessTokens = accessTokens;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account and sign in (USER_001 when the email is taken)")
    TokenResponse register(@Valid @RequestBody RegisterRequest request) {
        return tokens(register.register(new RegisterUserUseCase.RegisterUser(request.email(), request.password(), request.displayName())));
    }

    @PostMapping("/login")
    @Operation(summary = "Sign in (AUTH_001 wrong email or password, AUTH_003 deactivated account)")
    TokenResponse login(@Valid @RequestBody LoginRequest request) {
        return tokens(logIn.logIn(new LogInUseCase.LogIn(request.email(), request.password())));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Exchange a refresh token for new tokens; each refresh token works once")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return tokens(refresh.refresh(request.refreshToken()));
    }

    @PostMapping("/logout")
    @Operation(summary = "Revoke the session the refresh token belongs to")
    MessageResponse logout(@Valid @RequestBody RefreshRequest request) {
        logOut.logOut(request.refreshToken());
        return new MessageResponse("Successfully logged out");
    }

    private TokenResponse tokens(AuthSession session) {
        return new TokenResponse(accessTokens.mint(session.user()), session.refreshToken().value(), "bearer",
                accessTokens.lifetimeSeconds());
    }
}
