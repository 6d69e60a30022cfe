package fr.dataterritoires.exchanges.domain;

/** Who a training is for, and the only thing about a learner the statistics and events keep. */
public enum LearnerCategory {
    STATE_AGENT,
    TERRITORIAL_AGENT,
    ELECTED_OFFICIAL;

    public static LearnerCategory agentOf(Side side) {
        return side == Side.STATE ? STATE_AGENT : TERRITORIAL_AGENT;
    }

    public boolean isAgent() {
        return this != ELECTED_OFFICIAL;
    }
}
