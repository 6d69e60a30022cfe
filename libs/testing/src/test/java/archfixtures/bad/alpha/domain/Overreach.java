package archfixtures.bad.alpha.domain;

import archfixtures.bad.platform.errors.Mapper;

/** Breaks the plain-Java domain rule through the platform, outside its domain-facing vocabulary. */
public class Overreach {
    Mapper mapper;
}
