package fr.dataterritoires.roadmaps.domain.governance;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.territory.Siren;

/** Who sits in a governance body: an organisation (SIREN and type) or a person (a name only: no more personal data). */
public sealed interface Member permits Member.Organisation, Member.Person {

    int NAME_MAX = 200;

    /** A stable key: two memberships with the same key and role cannot be active at once. */
    String key();

    String name();

    record Organisation(Siren siren, OrganisationType type, String name) implements Member {
        public Organisation {
            Checks.notNull(siren, "siren");
            Checks.notNull(type, "organisationType");
            name = Checks.required(name, "name", NAME_MAX);
        }

        @Override
        public String key() {
            return "siren:" + siren.value();
        }
    }

    record Person(String name) implements Member {
        public Person {
            name = Checks.required(name, "name", NAME_MAX);
        }

        @Override
        public String key() {
            return "person:" + name.toLowerCase(java.util.Locale.ROOT);
        }
    }
}
