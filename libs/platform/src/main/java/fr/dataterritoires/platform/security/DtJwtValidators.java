package fr.dataterritoires.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The token checks shared by the production and development decoders: {@code exp} present and not
 * past (a token without {@code exp} would be valid forever), {@code nbf}, the issuer, and the
 * audience when {@code dataterritoires.security.audience} is set.
 */
public final class DtJwtValidators {

    private DtJwtValidators() {
    }

    /** @param issuer expected {@code iss}, or {@code null} to leave it unchecked here */
    public static OAuth2TokenValidator<Jwt> create(ResourceServerProperties properties, String issuer) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.getClockSkew());
        // Spring Security accepts a token without exp by default.
        timestamps.setAllowEmptyExpiryClaim(false);
        validators.add(timestamps);
        if (issuer != null && !issuer.isBlank()) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        List<String> audiences = properties.getAudience() == null ? List.of()
                : properties.getAudience().stream().filter(a -> a != null && !a.isBlank()).toList();
        if (!audiences.isEmpty()) {
            validators.add(audience(audiences));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static OAuth2TokenValidator<Jwt> audience(List<String> accepted) {
        OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "The aud claim does not name this service", null);
        return jwt -> {
            List<String> aud = jwt.getAudience();
            return aud != null && aud.stream().anyMatch(accepted::contains)
                    ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
        };
    }
}
