package fr.dataterritoires.portal.application;

import java.util.List;
import java.util.Optional;

import fr.dataterritoires.portal.application.FundingViews.Application;
import fr.dataterritoires.portal.application.FundingViews.Assignment;
import fr.dataterritoires.portal.application.FundingViews.Award;
import fr.dataterritoires.portal.application.FundingViews.Call;
import fr.dataterritoires.portal.application.FundingViews.CallFile;
import fr.dataterritoires.portal.application.FundingViews.Decision;
import fr.dataterritoires.portal.application.FundingViews.Fund;
import fr.dataterritoires.portal.application.FundingViews.Funder;
import fr.dataterritoires.portal.application.FundingViews.Programme;
import fr.dataterritoires.portal.domain.FormValues;

/**
 * What the pages need from commons-calls (port; {@code integration} calls its REST API, through the gateway when one
 * is configured, with the signed-in user's token): open calls and their published decisions, the préciput fund's
 * public ledger; the applicant's applications; the funder's calls, eligibility, evaluators, ranking, decisions,
 * awards and tranches; the evaluator's scoring with the call's grid. Forms go as posted ({@link FormValues}); the
 * service checks them and refuses with {@link ServiceRefusal}.
 */
public interface CallsAndAwards {

    /** Rows the forms offer for the repeated groups (consortium members, budget lines, criteria, tranches). */
    int MEMBERS = 4;
    int BUDGET_LINES = 4;
    int CRITERIA = 5;
    int TRANCHES = 4;

    /** Calls visible to the caller (not drafts, except the signed-in funder's own). */
    List<Call> calls();

    Call call(String id);

    /** Published decisions of a decided call, empty before. */
    List<Decision> decisions(String callId);

    List<Award> awardsOf(String callId);

    Fund preciputFund();

    // applicant

    /** Creates the application (consortium, commons, budget, charter, labels, declarations) and submits it. */
    Application apply(String callId, FormValues form, String leadSiren);

    List<Application> myApplications();

    Application application(String id);

    // funder

    List<Funder> funders();

    Optional<Funder> funderOf(String siren);

    Funder registerFunder(String siren, String name);

    List<Programme> programmes(String funderId);

    Call createCall(String funderId, FormValues form);

    /** {@code step}: open, close or evaluation. */
    Call moveCall(String callId, String step);

    CallFile callFile(String callId);

    Application decideEligibility(String applicationId, FormValues form);

    Assignment assignEvaluator(String applicationId, FormValues form);

    void consensus(String applicationId, FormValues form);

    List<Decision> decide(String callId);

    Award award(String id);

    Award recordAgreement(String awardId, FormValues form);

    Award recordPayment(String awardId, String trancheId, FormValues form);

    // evaluator

    Assignment review(String applicationId, FormValues form, List<String> criteria);

    Assignment declareConflict(String applicationId, FormValues form);
}
