package archfixtures.good.alpha.application;

import archfixtures.good.alpha.domain.Thing;

public interface ThingStore {
    void save(Thing thing);
}
