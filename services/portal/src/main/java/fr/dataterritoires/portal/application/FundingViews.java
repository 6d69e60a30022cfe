package fr.dataterritoires.portal.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the pages read of commons-calls (calls, applications, evaluation, awards and tranches, the préciput fund),
 * as its REST API answers; amounts are the service's exact decimal strings in euros, shown as they are.
 */
public final class FundingViews {

    private FundingViews() {
    }

    public record Funder(String id, String siren, String name) {
    }

    public record Programme(String id, String funderId, String name, String preciputRate) {
    }

    public record Criterion(String code, String label, int weight, int maxScore) {
    }

    public record Call(String id, String funderId, String kind, String programmeId, String title, String description,
                       String budget, String maxGrant, String minGrant, String coFundingRate, String awardedTotal,
                       String remainingBudget, Instant opensAt, Instant closesAt, LocalDate decisionDate,
                       List<String> applicantTypes, int minConsortiumSize, List<String> territorialScope,
                       List<String> commonsKinds, List<String> requiredDeclarations, int reviewsPerApplication,
                       List<Criterion> criteria, String status, long version, Instant openedAt, Instant decidedAt) {

        public boolean isOpen() {
            return "OPEN".equals(status);
        }
    }

    public record Decision(String applicationId, Integer rank, String commonsTitle, String leadSiren, String outcome,
                           String amount, String reason) {
    }

    public record Ranked(int rank, String applicationId, String commonsTitle, String leadSiren,
                         String requestedAmount, String score, int reviews, Instant submittedAt) {
    }

    public record Member(String siren, String name, String type, String role) {
    }

    public record Commons(String title, String kind, String summary, String licence, String repositoryUrl,
                          List<String> schemas) {
    }

    public record BudgetLine(String label, String amount) {
    }

    public record Proposal(List<Member> consortium, Commons commons, List<BudgetLine> budget, String ethicsCharter,
                           List<String> labels, String sustainabilityPlan, String replicationConditions,
                           List<String> territories, List<String> declarations) {
    }

    public record Application(String id, String callId, String status, Proposal proposal, String requestedAmount,
                              String totalCost, List<String> automaticFindings, String eligibilityReason,
                              String decisionReason, long version, Instant createdAt, Instant submittedAt) {
    }

    public record Assignment(String id, String applicationId, String evaluatorSubject, String evaluatorSiren,
                             String status, String conflictReason, Map<String, Object> scores, String total,
                             Instant assignedAt, Instant submittedAt) {
    }

    public record Tranche(String id, int position, String kind, String amount, String condition, LocalDate dueOn,
                          String status, String paidAmount, LocalDate paidOn, String paymentReference, int reports) {
    }

    public record Award(String id, String applicationId, String callId, String callTitle, String funderSiren,
                        String funderName, String leadSiren, String commonsTitle, String amount, String disbursed,
                        Integer rank, String reason, Instant grantedAt, LocalDate agreementSignedOn,
                        String agreementReference, List<Tranche> tranches) {
    }

    public record ReportLine(String key, String label, String inflows, String outflows, String net) {
    }

    public record Transaction(String id, long seq, String kind, String amount, int year, Instant occurredAt,
                              String funderSiren, String projectReference, String projectFunding, String rate,
                              String purpose, String beneficiarySiren, String beneficiaryName, String reason,
                              boolean reversed) {
    }

    public record Fund(String balance, String currency, String totalLevied, String totalAllocated,
                       String totalReversed, List<ReportLine> byYear, List<Transaction> latest) {
    }

    /** A call and what its funder sees of it: applications, evaluators per application, ranking, awards. */
    public record CallFile(Call call, List<Application> applications, Map<String, List<Assignment>> assignments,
                           List<Ranked> ranking, List<Award> awards) {
    }
}
