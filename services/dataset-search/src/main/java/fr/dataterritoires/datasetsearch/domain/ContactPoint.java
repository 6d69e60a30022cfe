package fr.dataterritoires.datasetsearch.domain;

/** Who to ask about a dataset: any of the fields may be missing, but not all. */
public record ContactPoint(String name, String email, String url) {

    public ContactPoint {
        name = Text.blankToNull(name);
        email = Text.blankToNull(email);
        url = Text.blankToNull(url);
        if (name == null && email == null && url == null) {
            throw new IllegalArgumentException("A contact point needs a name, an e-mail or a URL");
        }
    }
}
