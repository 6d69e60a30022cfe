package fr.dataterritoires.platform.errors;

/**
 * Marks an exception whose message is a French sentence written for users, so that the error
 * handler may show it as the problem's {@code detail} (other messages are replaced by a generic one).
 */
public interface UserFacingMessage {
}
