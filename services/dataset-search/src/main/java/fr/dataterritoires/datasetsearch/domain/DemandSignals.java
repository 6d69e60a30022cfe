package fr.dataterritoires.datasetsearch.domain;

/**
 * What is known of the demand for a dataset: how many roadmaps declared it a priority (nationally or in a territory)
 * and how many access requests it received. Used for the "most demanded, not yet open" lists and as priority flags.
 */
public record DemandSignals(int priorityDeclarations, boolean nationalPriority, int accessRequests) {

    public static final DemandSignals NONE = new DemandSignals(0, false, 0);

    public DemandSignals {
        if (priorityDeclarations < 0 || accessRequests < 0) {
            throw new IllegalArgumentException("Demand counts cannot be negative");
        }
    }

    public boolean isPriority() {
        return priorityDeclarations > 0 || nationalPriority;
    }

    /** One figure to rank demand by: a priority declaration weighs like several access requests. */
    public int total() {
        return 5 * priorityDeclarations + accessRequests;
    }
}
