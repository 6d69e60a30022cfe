package fr.dataterritoires.territory;

/** Legal forms of EPCI à fiscalité propre. */
public enum EpciType {
    CC("communauté de communes"),
    CA("communauté d'agglomération"),
    CU("communauté urbaine"),
    METRO("métropole"),
    /** The Métropole de Lyon, a territorial collectivity with a special status counted among EPCI by the DGCL. */
    MET69("Métropole de Lyon");

    private final String label;

    EpciType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
