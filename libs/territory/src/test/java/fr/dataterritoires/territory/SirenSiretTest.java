package fr.dataterritoires.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SirenSiretTest {

    @Test
    void knownSirensAreValid() {
        // DINUM (Direction interministérielle du numérique).
        assertThat(Siren.isValid("130005481")).isTrue();
        Siren dinum = Siren.parse(" 130 005\u00A0481 ");
        assertThat(dinum.value()).isEqualTo("130005481");
        assertThat(dinum.formatted()).isEqualTo("130 005 481");
        assertThat(Siren.validationError("130005481")).isEmpty();
    }

    @Test
    void everySirenInTheGeographyDataIsValid() {
        Territories territories = Territories.get();
        for (Epci epci : territories.epcis()) {
            assertThat(Siren.isValid(epci.code())).as(epci.name()).isTrue();
            assertThat(epci.siren().value()).isEqualTo(epci.code());
        }
        assertThat(territories.communes()).filteredOn(c -> c.siren().isPresent()).hasSizeGreaterThan(34_000)
                .allMatch(c -> Siren.isValid(c.siren().orElseThrow()));
    }

    @Test
    void invalidSirensAreRefusedWithAFrenchReason() {
        assertThatThrownBy(() -> Siren.parse("130005482")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clé de contrôle");
        assertThatThrownBy(() -> Siren.parse("12345")).hasMessageContaining("9 chiffres")
                .hasMessageContaining("5");
        assertThatThrownBy(() -> Siren.parse("13000548A")).hasMessageContaining("que des chiffres")
                .hasMessageContaining("« A »");
        assertThatThrownBy(() -> Siren.parse(null)).hasMessage("Le SIREN est obligatoire.");
        assertThatThrownBy(() -> Siren.parse("")).hasMessage("Le SIREN est vide.");
        assertThat(Siren.isValid(null)).isFalse();
        assertThat(Siren.validationError("130005482")).get().asString().contains("Luhn");
        assertThatThrownBy(() -> new Siren("1300054810")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void siretCarriesItsSirenAndNic() {
        Siret siret = Siret.parse("130 005 481 00010");
        assertThat(siret.siren()).isEqualTo(new Siren("130005481"));
        assertThat(siret.nic()).isEqualTo("00010");
        assertThat(siret.formatted()).isEqualTo("130 005 481 00010");
        assertThatThrownBy(() -> Siret.parse("13000548100011")).hasMessageContaining("clé de contrôle");
        assertThatThrownBy(() -> Siret.parse("1300054810001")).hasMessageContaining("14 chiffres");
    }

    @Test
    void siretWhoseSirenPartIsInvalidIsRefused() {
        // 14-digit Luhn holds, but 130005480 is not a SIREN.
        String payload = "1300054800001";
        String siret = payload + Luhn.checkDigit(payload);
        assertThat(Luhn.isValid(siret)).isTrue();
        assertThatThrownBy(() -> Siret.parse(siret)).hasMessageContaining("le SIREN qui le compose");
    }

    @Test
    void laPosteSiretsFollowTheSumOfDigitsRule() {
        // Head office: ordinary Luhn key.
        assertThat(Siret.isValid("35600000000048")).isTrue();
        // Digit sum 15 is a multiple of 5 though the Luhn key fails: valid for La Poste only.
        assertThat(Luhn.isValid("35600000000010")).isFalse();
        assertThat(Siret.isValid("35600000000010")).isTrue();
        assertThat(Luhn.isValid("35600000000011")).isFalse();
        assertThat(Siret.isValid("35600000000011")).isFalse();
        assertThatThrownBy(() -> Siret.parse("35600000000011")).hasMessageContaining("La Poste")
                .hasMessageContaining("multiple de 5");
        // The rule is La Poste's alone.
        assertThat(Luhn.digitSum("13000548100012") % 5).isZero();
        assertThat(Siret.isValid("13000548100012")).isFalse();
    }
}
