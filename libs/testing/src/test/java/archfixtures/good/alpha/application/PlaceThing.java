package archfixtures.good.alpha.application;

import archfixtures.good.alpha.domain.Thing;

public class PlaceThing {
    private final ThingStore store;

    public PlaceThing(ThingStore store) { this.store = store; }

    public void place(String name) { store.save(new Thing(name)); }
}
