package fr.dataterritoires.exchanges.application;

import java.time.Instant;
import java.util.UUID;

import fr.dataterritoires.exchanges.domain.Person;
import fr.dataterritoires.platform.security.DtPrincipal;

/** The person behind a token: found by subject (then locked and its identity refreshed), or registered. */
final class PersonRegistry {

    private PersonRegistry() {
    }

    static Person identify(ExchangeStores.Persons persons, DtPrincipal actor, String name, String email,
                           String category, Instant now) {
        var known = persons.findBySubject(actor.subject());
        if (known.isPresent()) {
            Person person = persons.lock(known.get().id()).orElseThrow();
            person.update(name, email, category, now);
            persons.update(person);
            return person;
        }
        Person person = Person.register(UUID.randomUUID(), actor.subject(), name, email, category, now);
        persons.insert(person);
        return person;
    }
}
