package archfixtures.good.alpha.grpc;

import archfixtures.good.alpha.application.PlaceThing;
import archfixtures.good.platform.grpc.CallRules;

public class ThingDirectory {
    private final PlaceThing placeThing;

    public ThingDirectory(PlaceThing placeThing) { this.placeThing = placeThing; }

    public String rules() { return CallRules.anonymous(); }
}
