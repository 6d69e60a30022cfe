package archfixtures.good.alpha.domain;

public record Thing(String name) {
    public Thing {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name");
    }
}
