package fr.dataterritoires.datasetsearch.application.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The curated intended-use profiles, versioned as a whole: the version is shown with them so that a saved search
 * says which curation it used. Read from {@code classpath:use-profiles/use-profiles.json}.
 */
@Component
public class UseProfiles {

    static final String RESOURCE = "/use-profiles/use-profiles.json";

    /** The file's shape. */
    record Catalogue(String version, List<UseProfile> profiles) {
    }

    private final String version;
    private final List<UseProfile> profiles;

    public UseProfiles() {
        this(load());
    }

    UseProfiles(Catalogue catalogue) {
        this.version = Objects.requireNonNull(catalogue.version(), "version");
        this.profiles = List.copyOf(catalogue.profiles());
        if (profiles.stream().map(UseProfile::id).distinct().count() != profiles.size()) {
            throw new IllegalStateException("Duplicate use profile id in " + RESOURCE);
        }
    }

    private static Catalogue load() {
        try (InputStream in = UseProfiles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return JsonMapper.builder().build().readValue(in, Catalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() {
        return version;
    }

    public List<UseProfile> all() {
        return profiles;
    }

    public Optional<UseProfile> find(String id) {
        return profiles.stream().filter(p -> p.id().equalsIgnoreCase(id.strip())).findFirst();
    }
}
