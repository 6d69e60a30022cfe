package fr.dataterritoires.platform.security.dev;

import fr.dataterritoires.platform.security.Role;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints a development token signed with the shared dev issuer key (the one services trust in the
 * {@code local} profile). Used by {@code make token}:
 *
 * <pre>
 * DevTokenCli --role=FUNDER[,EVALUATOR] [--siren=130005481] [--region=84] [--ministry=MTECT]
 *             [--subject=...] [--name=...] [--ttl=8h|30m|PT2H|3600] [--key-dir=.dt-local/dev-issuer]
 * </pre>
 *
 * Scopes not given take the demo user's values. Only the token goes to standard output.
 */
public final class DevTokenCli {

    private DevTokenCli() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** @return the process exit status: 0, or 2 for bad arguments */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                return usage(err, "unexpected argument: " + arg);
            }
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        Set<String> known = Set.of("role", "siren", "region", "ministry", "subject", "name", "ttl", "key-dir");
        for (String option : options.keySet()) {
            if (!known.contains(option)) {
                return usage(err, "unknown option --" + option);
            }
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : options.getOrDefault("role", Role.NATIONAL_COORDINATOR.name()).split(",")) {
            Role role = Role.parse(value).orElse(null);
            if (role == null) {
                return usage(err, "unknown role " + value);
            }
            roles.add(role);
        }
        DevTokenRequest request = DevUsers.demo(roles.iterator().next()).withRoles(roles);
        // Scopes of every requested role's demo user, unless given explicitly.
        for (Role role : roles) {
            DevTokenRequest demo = DevUsers.demo(role);
            if (request.region() == null) {
                request = request.withRegion(demo.region());
            }
            if (request.ministry() == null) {
                request = request.withMinistry(demo.ministry());
            }
            if (request.siren() == null) {
                request = request.withSiren(demo.siren());
            }
        }
        if (options.containsKey("siren")) {
            if (!options.get("siren").matches("\\d{9}")) {
                return usage(err, "--siren must be 9 digits");
            }
            request = request.withSiren(options.get("siren"));
        }
        if (options.containsKey("region")) {
            if (!options.get("region").matches("\\d{2}")) {
                return usage(err, "--region must be a 2-digit INSEE region code");
            }
            request = request.withRegion(options.get("region"));
        }
        if (options.containsKey("ministry")) {
            request = request.withMinistry(options.get("ministry"));
        }
        if (options.containsKey("subject")) {
            request = request.withSubject(options.get("subject"));
        }
        if (options.containsKey("name")) {
            request = request.withName(options.get("name"));
        }
        if (options.containsKey("ttl")) {
            try {
                request = request.withTtl(parseDuration(options.get("ttl")));
            } catch (IllegalArgumentException e) {
                return usage(err, "--ttl: " + e.getMessage());
            }
        }
        Path keyDir = options.containsKey("key-dir") ? Paths.get(options.get("key-dir")).toAbsolutePath()
                : DevIssuerKeys.defaultDirectory();
        String token = new DevTokenMinter(DevIssuerKeys.loadOrCreate(keyDir)).mint(request);
        err.println("Token for " + request.subject() + " " + request.roles() + " (issuer " + DevIssuer.ISSUER
                + ", key " + keyDir.resolve(DevIssuerKeys.KEY_FILE) + ", valid " + request.ttl() + ")");
        out.println(token);
        return 0;
    }

    static Duration parseDuration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            Duration duration;
            if (v.startsWith("p")) {
                duration = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            } else if (v.endsWith("h")) {
                duration = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                duration = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("d")) {
                duration = Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("s")) {
                duration = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else {
                duration = Duration.ofSeconds(Long.parseLong(v));
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("must be positive");
            }
            return duration;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("unreadable duration " + value);
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("DevTokenCli: " + problem);
        err.println("usage: --role=ROLE[,ROLE] [--siren=9 digits] [--region=2 digits] [--ministry=CODE] "
                + "[--subject=ID] [--name=NAME] [--ttl=8h] [--key-dir=DIR]");
        err.println("roles: " + java.util.Arrays.toString(Role.values()));
        return 2;
    }
}
