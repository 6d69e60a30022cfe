package archfixtures.bad.alpha.web;

import archfixtures.bad.alpha.persistence.Repo;
import archfixtures.bad.embedded.Engine;

/** Breaks two rules: an adapter calling another adapter, production code using an embedded engine. */
public class Dto {
    Repo repo;
    Engine engine;
}
