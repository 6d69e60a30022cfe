package fr.dataterritoires.datasetsearch.web.demand;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An explicit refusal and its reason. */
public record RefusalBody(@NotBlank @Size(max = 2000) String reason) {
}
