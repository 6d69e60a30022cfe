package fr.dataterritoires.portal.application;

import java.util.List;

import fr.dataterritoires.portal.application.InitiativeViews.Initiative;
import fr.dataterritoires.portal.application.InitiativeViews.Page;

/** What the public pages need from replication (port): the initiatives and each one's page with its reach. */
public interface ReplicatedInitiatives {

    /** Initiatives, optionally at one maturity stage. */
    List<Initiative> initiatives(String maturity);

    Page initiative(String id);
}
