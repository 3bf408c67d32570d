package io.ankirag.adapter.in.rest.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Stateless bearer-token security: every {@code /api} route needs a valid access token except signing in and
 * the public documents; {@code /api/users/**} other than {@code /me} needs the admin role, and so does every
 * write to {@code /api/prompts} (prompts are installation-wide) except rendering a preview, and so does the search
 * index's rebuild and progress ({@code /api/rag/index}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({JwtProperties.class, HttpProperties.class})
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http,
                            ActiveUserAuthenticationConverter users,
                            ProblemAuthenticationEntryPoint entryPoint,
                            ProblemAccessDeniedHandler accessDenied,
                            RequestBodyLimitFilter bodyLimit) throws Exception {
        return http
                .cors(Customizer.withDefaults())
                .csrf(AbstractHttpConfigurer::disable) // bearer tokens in headers: no ambient credentials to forge
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(bodyLimit, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/health", "/api/openapi.json", "/api/openapi.json/**", "/api/docs", "/api/docs/**", "/api/swagger-ui/**").permitAll()
                        .requestMatchers("/api/users/me").authenticated()
                        .requestMatchers("/api/users", "/api/users/**", "/api/admin/**", "/api/rag/index").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/prompts", "/api/prompts/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/prompts/*/render").authenticated()
                        .requestMatchers("/api/prompts", "/api/prompts/**").hasRole("ADMIN")
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll()) // the web UI's static files
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(users))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(HttpProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Last-Event-ID", "Idempotency-Key"));
        cors.setExposedHeaders(List.of("Retry-After")); // a 429's wait, for a web UI on another origin
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    /** The filter runs inside the security chain only; without this Spring Boot would register it a second time. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> bodyLimitOutsideChain(RequestBodyLimitFilter filter) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    JwtEncoder jwtEncoder(JwtProperties properties, Environment environment) {
        refuseExampleSecretOutsideDev(properties, environment);
        return new NimbusJwtEncoder(new ImmutableSecret<>(key(properties)));
    }

    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key(properties)).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new ExpiryValidator(clock), new JwtIssuerValidator(AccessTokens.ISSUER)));
        return decoder;
    }

    private static SecretKey key(JwtProperties properties) {
        return new SecretKeySpec(properties.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private static void refuseExampleSecretOutsideDev(JwtProperties properties, Environment environment) {
        if (properties.usesExampleSecret() && !environment.acceptsProfiles(Profiles.of("dev", "test"))) {
            throw new IllegalStateException("JWT_SECRET_KEY is still the example value: anyone could forge tokens. "
                    + "Set JWT_SECRET_KEY to a random secret (openssl rand -base64 48), or run with SPRING_PROFILES_ACTIVE=dev.");
        }
    }
}
