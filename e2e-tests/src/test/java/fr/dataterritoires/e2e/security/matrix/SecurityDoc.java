package fr.dataterritoires.e2e.security.matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code docs/security.md}: a hand-written introduction, kept as it is, then everything after {@link #MARKER}
 * generated from {@link AuthorizationMatrix} (a table per service).
 */
final class SecurityDoc {

    static final String MARKER = "<!-- Généré depuis AuthorizationMatrix (e2e-tests) : ne pas modifier à la main sous "
            + "cette ligne. Régénérer : ./mvnw -pl e2e-tests test -Dtest=SecurityDocTest -Dsecurity.matrix.update=true "
            + "-->";

    private SecurityDoc() {
    }

    static Path file() {
        return Path.of("..", "docs", "security.md").toAbsolutePath().normalize();
    }

    /** The committed introduction (or a default one) followed by the generated part. */
    static String render(String current) {
        // a file without the marker yet is all introduction: kept whole, the table goes after it
        String intro = current == null ? "# Sécurité\n\n" : current.contains(MARKER)
                ? current.substring(0, current.indexOf(MARKER)) : current.stripTrailing() + "\n\n";
        return intro + MARKER + "\n\n" + generated();
    }

    static String generated() {
        StringBuilder s = new StringBuilder();
        s.append("## Matrice d'autorisation\n\n");
        s.append("Légende : ");
        for (Expected e : Expected.values()) {
            s.append("`").append(e.cell()).append("` ").append(e.meaning());
            s.append(e.ordinal() == Expected.values().length - 1 ? ".\n\n" : " ; ");
        }
        s.append("| appelant | jeton |\n|---|---|\n");
        for (Caller c : Caller.values()) {
            s.append("| `").append(c.name()).append("` ").append(c.label()).append(" | ").append(c.claims())
                    .append(" |\n");
        }
        s.append('\n');
        List<Entry> all = AuthorizationMatrix.entries();
        for (String service : AuthorizationMatrix.SERVICES) {
            List<Entry> rows = all.stream().filter(e -> e.service().equals(service)).toList();
            s.append("### ").append(service).append("\n\n");
            s.append(rows.size()).append(" points d'accès (REST : chemin du service, derrière la passerelle "
                    + "`/api/").append(service).append("/…` ; gRPC : méthode complète).\n\n");
            s.append("| point d'accès |");
            for (Caller c : Caller.values()) {
                s.append(' ').append(abbreviation(c)).append(" |");
            }
            s.append(" règle |\n|---|");
            s.append("---|".repeat(Caller.values().length)).append("---|\n");
            for (Entry e : rows) {
                s.append("| `").append(e.method()).append(' ').append(e.path()).append("` |");
                for (Caller c : Caller.values()) {
                    s.append(' ').append(e.access().of(c).cell()).append(" |");
                }
                s.append(' ').append(e.why()).append(" |\n");
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** Column headers short enough for the table; the legend gives the full names. */
    static String abbreviation(Caller c) {
        return switch (c) {
            case ANONYMOUS -> "anon";
            case COORDINATOR -> "coord";
            case COMMITTEE -> "com84";
            case COMMITTEE_OTHER -> "com52";
            case MINISTRY -> "min";
            case MINISTRY_OTHER -> "min≠";
            case FUNDER -> "fin";
            case FUNDER_OTHER -> "fin≠";
            case APPLICANT -> "port";
            case APPLICANT_OTHER -> "port≠";
            case EVALUATOR -> "éval";
            case EVALUATOR_OTHER -> "éval≠";
            case AGENT -> "agent";
            case AGENT_OTHER -> "agent≠";
            case EMPLOYER -> "empl";
            case HOST -> "acc";
            case HOST_OTHER -> "acc≠";
        };
    }

    static String read() throws IOException {
        Path f = file();
        return Files.exists(f) ? Files.readString(f) : null;
    }
}
