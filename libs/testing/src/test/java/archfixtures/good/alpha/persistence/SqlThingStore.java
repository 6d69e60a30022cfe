package archfixtures.good.alpha.persistence;

import archfixtures.good.alpha.application.ThingStore;
import archfixtures.good.alpha.domain.Thing;

public class SqlThingStore implements ThingStore {
    @Override
    public void save(Thing thing) { }
}
