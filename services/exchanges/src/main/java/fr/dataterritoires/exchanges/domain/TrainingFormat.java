package fr.dataterritoires.exchanges.domain;

/** How a data training is given (the TrainingCompleted schema's values). */
public enum TrainingFormat {
    ONLINE,
    HYBRID,
    COHORT,
    PEER_LEARNING
}
