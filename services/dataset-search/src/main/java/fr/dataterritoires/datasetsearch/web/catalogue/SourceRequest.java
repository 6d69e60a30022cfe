package fr.dataterritoires.datasetsearch.web.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.ProducerType;
import fr.dataterritoires.datasetsearch.domain.SourceKind;

/**
 * A source as the coordinator declares it. On PUT, {@code id} may be omitted (the path names the source).
 *
 * @param schedule Quartz cron, or null for on-demand runs only
 */
public record SourceRequest(
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}",
                message = "identifiant de 2 à 63 caractères : minuscules, chiffres ou tirets, sans tiret initial")
        String id,
        @NotBlank(message = "le nom est obligatoire") @Size(max = 300, message = "300 caractères au plus")
        String name,
        @NotNull(message = "le type de source est obligatoire (DCAT, CSW, DATAGOUV ou CKAN)")
        SourceKind kind,
        @NotBlank(message = "l'adresse est obligatoire")
        @Pattern(regexp = "https?://[^\\s/?#]+[^\\s]*", message = "adresse http ou https attendue")
        @Size(max = 2000, message = "2000 caractères au plus")
        String url,
        @QuartzCron
        String schedule,
        Boolean enabled,
        AccessLevel defaultAccessLevel,
        @Valid
        ProducerRequest defaultProducer) {

    public record ProducerRequest(
            @NotBlank(message = "le nom du producteur est obligatoire") String name,
            @Pattern(regexp = "\\d{9}", message = "un SIREN a neuf chiffres") String siren,
            ProducerType type) {
    }
}
