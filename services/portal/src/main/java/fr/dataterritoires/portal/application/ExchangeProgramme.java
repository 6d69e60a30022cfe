package fr.dataterritoires.portal.application;

import java.util.List;

import fr.dataterritoires.portal.application.ExchangeViews.Application;
import fr.dataterritoires.portal.application.ExchangeViews.Enrolment;
import fr.dataterritoires.portal.application.ExchangeViews.Offer;
import fr.dataterritoires.portal.application.ExchangeViews.Training;
import fr.dataterritoires.portal.domain.FormValues;

/**
 * What the agent's pages need from exchanges (port): published host offers, applying to one, following the
 * employer's and host's approvals, the training catalogue and enrolling, and the agent's own data (export, erasure).
 */
public interface ExchangeProgramme {

    /** Published offers, optionally in one région (INSEE code). */
    List<Offer> offers(String region);

    Offer offer(String id);

    Application apply(String offerId, FormValues form);

    List<Application> myApplications();

    List<Training> trainings();

    Enrolment enrol(String trainingId, FormValues form);

    List<Enrolment> myEnrolments();

    /** Everything exchanges keeps about the signed-in agent, as it exports it (JSON). */
    String myDataExport();

    void eraseMyData();
}
