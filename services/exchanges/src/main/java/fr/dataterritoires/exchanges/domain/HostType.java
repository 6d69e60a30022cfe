package fr.dataterritoires.exchanges.domain;

/** The kind of host administration, and the side it belongs to. */
public enum HostType {
    STATE_SERVICE(Side.STATE),
    MINISTRY(Side.STATE),
    OPERATOR(Side.STATE),
    LOCAL_AUTHORITY(Side.TERRITORIAL);

    private final Side side;

    HostType(Side side) {
        this.side = side;
    }

    public Side side() {
        return side;
    }
}
