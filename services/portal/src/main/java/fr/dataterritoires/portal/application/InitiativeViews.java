package fr.dataterritoires.portal.application;

import java.util.List;

/** What the public pages read of replication: initiatives, their reach and their replications elsewhere. */
public final class InitiativeViews {

    private InitiativeViews() {
    }

    public record Territory(String key, String level, String code, String name, Long population) {
    }

    public record Initiative(String id, String title, String problem, String policyDomain, String leadSiren,
                             List<Territory> territories, String maturity, String maturityLabel, String validatedAt,
                             String ethicsCharter, List<String> labels) {
    }

    public record Node(String replicationId, String adopterSiren, List<String> territories, String status,
                       String liveOn, Long daysFromValidationToLive, List<Node> children) {
    }

    public record Reach(int distinctTerritories, int communes, long population, int liveReplications,
                        List<Territory> territories, List<Node> lineage) {
    }

    public record FundingAward(String awardId, String callTitle, String funderName, String commonsTitle,
                               String amount, String disbursed) {
    }

    public record Funding(String totalAwarded, String totalDisbursed, String totalAllocated,
                          List<FundingAward> awards) {
    }

    public record Missing(String part, String reason) {
    }

    /** An initiative's public page: itself, its reach, its funding (commons-calls), what could not be read. */
    public record Page(String id, String title, String problem, String policyDomain, String leadSiren,
                       List<Territory> territories, String maturity, String maturityLabel, String validatedAt,
                       String ethicsCharter, List<String> labels, Reach reach, Funding funding, boolean partial,
                       List<Missing> missing) {
    }
}
