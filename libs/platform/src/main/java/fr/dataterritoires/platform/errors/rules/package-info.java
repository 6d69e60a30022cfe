/**
 * The error vocabulary of domain code: {@link fr.dataterritoires.platform.errors.rules.RuleViolation} (and its
 * state-conflict and not-found kinds) and the input {@link fr.dataterritoires.platform.errors.rules.Checks}.
 *
 * <p>The only platform package a service's {@code domain} may use, so it stays plain Java: it depends on the JDK
 * alone (both enforced by ArchitectureRules). The mapping to HTTP problems and gRPC statuses lives beside it, in
 * {@code platform.errors} and {@code platform.grpc}.
 */
package fr.dataterritoires.platform.errors.rules;
