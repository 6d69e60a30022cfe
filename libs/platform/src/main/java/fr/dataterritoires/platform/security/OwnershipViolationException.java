package fr.dataterritoires.platform.security;

import fr.dataterritoires.platform.errors.UserFacingMessage;
import org.springframework.security.access.AccessDeniedException;

/** An authenticated actor tried to act outside their scope: 403 with this French message as detail. */
public class OwnershipViolationException extends AccessDeniedException implements UserFacingMessage {

    public OwnershipViolationException(String message) {
        super(message);
    }
}
