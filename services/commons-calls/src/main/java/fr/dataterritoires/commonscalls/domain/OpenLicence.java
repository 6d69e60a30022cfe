package fr.dataterritoires.commonscalls.domain;

import java.util.List;

/** Open licences a commons may be published under (SPDX identifiers, and the French public sector's own). */
public final class OpenLicence {

    public static final List<String> ACCEPTED = List.of("etalab-2.0", "LO-2.0", "ODbL-1.0", "CC0-1.0", "CC-BY-4.0",
            "CC-BY-SA-4.0", "EUPL-1.2", "Apache-2.0", "MIT", "BSD-3-Clause", "MPL-2.0", "GPL-3.0-or-later",
            "AGPL-3.0-or-later", "LGPL-3.0-or-later", "CECILL-2.1", "CECILL-B", "CECILL-C");

    private OpenLicence() {
    }

    public static boolean isOpen(String licence) {
        return licence != null && ACCEPTED.contains(licence);
    }
}
