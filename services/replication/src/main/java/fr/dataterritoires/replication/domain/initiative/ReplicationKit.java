package fr.dataterritoires.replication.domain.initiative;

import java.util.List;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;

/** What a territory needs to replicate an initiative: documentation, schemas, software, and whom to ask. */
public record ReplicationKit(String documentationUrl, List<String> schemas, String softwareUrl, List<Contact> contacts) {

    public ReplicationKit {
        documentationUrl = Checks.url(documentationUrl, "kit.documentationUrl");
        schemas = Checks.strings(schemas, "kit.schemas", 50, 200);
        softwareUrl = Checks.url(softwareUrl, "kit.softwareUrl");
        contacts = Checks.list(contacts, "kit.contacts", 20);
    }

    public static ReplicationKit empty() {
        return new ReplicationKit(null, List.of(), null, List.of());
    }

    /** Enough to start: documentation and at least one contact. */
    public boolean isComplete() {
        return documentationUrl != null && !contacts.isEmpty();
    }

    /**
     * A contact: an organisation and a function (a functional mailbox rather than a person's address: the registry is
     * published data).
     */
    public record Contact(String organisation, String function, String email) {
        public Contact {
            organisation = Checks.required(organisation, "kit.contacts.organisation", 300);
            function = Checks.optional(function, "kit.contacts.function", 200);
            email = Checks.optional(email, "kit.contacts.email", 254);
            if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw RuleViolation.invalid("kit.contacts.email",
                        "Adresse électronique invalide.");
            }
        }
    }
}
