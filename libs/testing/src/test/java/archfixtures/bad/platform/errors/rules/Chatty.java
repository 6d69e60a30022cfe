package archfixtures.bad.platform.errors.rules;

import archfixtures.bad.platform.errors.Mapper;

/** Breaks the plain-Java rule of the domain-facing error vocabulary. */
public class Chatty extends RuntimeException {
    Mapper mapper;
}
