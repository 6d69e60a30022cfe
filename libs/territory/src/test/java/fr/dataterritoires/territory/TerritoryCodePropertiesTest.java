package fr.dataterritoires.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The INSEE code validators (issue 11 §2): every current code of the data is accepted at its level, in any case and
 * with surrounding spaces; codes that look right but name nothing, and arbitrary text (the fuzzer's hostile strings
 * included), are refused without an exception.
 */
class TerritoryCodePropertiesTest {

    private static final Territories T = Territories.get();
    private static final Set<String> REGIONS = T.regions().stream().map(Region::code).collect(Collectors.toSet());
    private static final Set<String> DEPARTEMENTS = T.departements().stream().map(Departement::code)
            .collect(Collectors.toSet());
    /** Communes and the municipal arrondissements of Paris, Lyon and Marseille, which are current commune codes too. */
    private static final Set<String> COMMUNES = T.communes().stream()
            .flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c.code()),
                    T.childrenOf(TerritoryLevel.COMMUNE, c.code(), TerritoryLevel.COMMUNE).stream()
                            .map(Territory::code)))
            .collect(Collectors.toSet());
    private static final Set<String> EPCIS = T.epcis().stream().map(Epci::code).collect(Collectors.toSet());

    @Provide
    Arbitrary<Territory> currentTerritories() {
        List<Territory> all = new java.util.ArrayList<>();
        all.addAll(T.regions());
        all.addAll(T.departements());
        all.addAll(T.epcis());
        all.addAll(T.communes());
        return Arbitraries.of(all);
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.of("\u0000", "2A\u0000", "\uD800\uDC00", "\u202E94", "9\u03014", "\uFF19\uFF14", "٩٤",
                        "' OR '1'='1", "../94", "94\r\n", "2A*", "*", "?", "", " "));
    }

    @Property(tries = 300)
    void everyCurrentCodeIsValidAtItsLevelInAnyCaseAndSpacing(@ForAll("currentTerritories") Territory t,
                                                             @ForAll boolean lower, @ForAll boolean padded) {
        String code = lower ? t.code().toLowerCase(Locale.ROOT) : t.code();
        code = padded ? "  " + code + "\t" : code;
        assertThat(T.isValidAndCurrent(t.level(), code)).as(t.level() + " " + code).isTrue();
        assertThat(T.levels(code)).contains(t.level());
        assertThat(t.level().matchesSyntax(t.code())).isTrue();
    }

    @Property(tries = 500)
    void twoDigitsNameARegionExactlyWhenTheDataListsIt(@ForAll("twoChars") String code) {
        assertThat(T.isValidAndCurrent(TerritoryLevel.REGION, code)).as(code).isEqualTo(REGIONS.contains(code));
        assertThat(T.isValidAndCurrent(TerritoryLevel.DEPARTEMENT, code)).as(code)
                .isEqualTo(DEPARTEMENTS.contains(code));
    }

    @Provide
    Arbitrary<String> twoChars() {
        return Arbitraries.strings().withChars("0123456789AB").ofLength(2);
    }

    @Property(tries = 1000)
    void fiveCharactersNameACommuneExactlyWhenTheDataListsIt(@ForAll("communeShaped") String code) {
        assertThat(T.isValidAndCurrent(TerritoryLevel.COMMUNE, code)).as(code).isEqualTo(COMMUNES.contains(code));
        assertThat(T.commune(code).isPresent()).isEqualTo(COMMUNES.contains(code));
    }

    /** A random five-character code once hit 69381 (Lyon 8e), which the validator rightly accepts as a commune. */
    @net.jqwik.api.Example
    void municipalArrondissementsAreCurrentCommuneCodes() {
        for (String code : List.of("75101", "69381", "13216")) {
            assertThat(T.isValidAndCurrent(TerritoryLevel.COMMUNE, code)).as(code).isTrue();
            assertThat(COMMUNES).contains(code);
        }
        assertThat(T.communes()).noneMatch(Commune::isMunicipalArrondissement);
    }

    @Provide
    Arbitrary<String> communeShaped() {
        // half made of existing codes with one character changed, half random: both sides of the line
        Arbitrary<String> near = Arbitraries.of(List.copyOf(COMMUNES)).flatMap(c -> Arbitraries.integers()
                .between(0, 4).flatMap(i -> Arbitraries.chars().with("0123456789AB".toCharArray())
                        .map(ch -> c.substring(0, i) + ch + c.substring(i + 1))));
        return Arbitraries.oneOf(near, Arbitraries.strings().withChars("0123456789AB").ofLength(5));
    }

    @Property(tries = 300)
    void everyEpciCodeIsASirenAndAnAlteredOneIsRefused(@ForAll("epciCodes") String code,
                                                      @ForAll("digitPosition") int position) {
        assertThat(Siren.isValid(code)).isTrue();
        char[] digits = code.toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + 1) % 10);
        String altered = new String(digits);
        // one digit changed breaks the Luhn key: never an EPCI, whatever the data
        assertThat(T.isValidAndCurrent(TerritoryLevel.EPCI, altered)).as(altered).isFalse();
        assertThat(TerritoryLevel.EPCI.matchesSyntax(altered)).isFalse();
    }

    @Provide
    Arbitrary<String> epciCodes() {
        return Arbitraries.of(List.copyOf(EPCIS));
    }

    @Provide
    Arbitrary<Integer> digitPosition() {
        return Arbitraries.integers().between(0, 8);
    }

    @Property(tries = 1000)
    void arbitraryTextIsRefusedAtEveryLevelWithoutAnException(@ForAll("hostile") String text) {
        String normalised = text.strip().toUpperCase(Locale.ROOT);
        Assume.that(!REGIONS.contains(normalised) && !DEPARTEMENTS.contains(normalised)
                && !COMMUNES.contains(normalised) && !EPCIS.contains(normalised) && !normalised.equals("FR"));
        for (TerritoryLevel level : TerritoryLevel.values()) {
            if (level != TerritoryLevel.IRIS && level != TerritoryLevel.QPV) {
                assertThat(T.isValidAndCurrent(level, text)).as(level + " " + text).isFalse();
            }
        }
        // nine digits may be an IRIS of a real commune, which is only syntax-checked
        T.level(text).ifPresent(l -> assertThat(l).isIn(TerritoryLevel.IRIS, TerritoryLevel.QPV));
        assertThat(T.parentsOf(TerritoryLevel.COMMUNE, text)).isEmpty();
    }
}
