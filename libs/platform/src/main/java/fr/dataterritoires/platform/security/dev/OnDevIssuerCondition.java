package fr.dataterritoires.platform.security.dev;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** {@code dataterritoires.security.dev-issuer.enabled} if set, else whether the {@code local} profile is active. */
class OnDevIssuerCondition extends SpringBootCondition {

    static final String PROPERTY = "dataterritoires.security.dev-issuer.enabled";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String explicit = context.getEnvironment().getProperty(PROPERTY);
        if (explicit != null) {
            boolean enabled = Boolean.parseBoolean(explicit.trim());
            return new ConditionOutcome(enabled, PROPERTY + "=" + explicit);
        }
        boolean local = context.getEnvironment().acceptsProfiles(Profiles.of("local"));
        return new ConditionOutcome(local, local ? "profile 'local' is active" : "profile 'local' is not active");
    }
}
