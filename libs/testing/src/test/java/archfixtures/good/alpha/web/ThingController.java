package archfixtures.good.alpha.web;

import archfixtures.good.alpha.application.PlaceThing;
import archfixtures.good.platform.Problems;

public class ThingController {
    private final PlaceThing placeThing;

    public ThingController(PlaceThing placeThing) { this.placeThing = placeThing; }

    public String post(String name) {
        placeThing.place(name);
        return Problems.none();
    }
}
