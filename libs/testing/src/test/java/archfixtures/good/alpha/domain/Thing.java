package archfixtures.good.alpha.domain;

import archfixtures.good.platform.errors.rules.Refusal;

public record Thing(String name) {
    public Thing {
        if (name == null || name.isBlank()) throw new Refusal("name");
    }
}
