package fr.dataterritoires.commonscalls.domain.ledger;

import java.util.UUID;

import fr.dataterritoires.territory.Siren;

/**
 * The accounts of the préciput journal, by code. {@code FUND}: the préciput fund (credit-normal: levies credit it,
 * allocations debit it). {@code PROGRAMME:<id>}: what a funder's programme contributed (debit-normal). {@code
 * BENEFICIARY:<siren>}: what an organisation received from the fund (credit-normal).
 */
public final class Accounts {

    public static final String FUND = "FUND";
    private static final String PROGRAMME = "PROGRAMME:";
    private static final String BENEFICIARY = "BENEFICIARY:";

    public enum Kind {
        FUND, PROGRAMME, BENEFICIARY
    }

    private Accounts() {
    }

    public static String programme(UUID programmeId) {
        return PROGRAMME + programmeId;
    }

    public static String beneficiary(Siren siren) {
        return BENEFICIARY + siren.value();
    }

    public static Kind kind(String code) {
        if (FUND.equals(code)) {
            return Kind.FUND;
        }
        if (code.startsWith(PROGRAMME)) {
            return Kind.PROGRAMME;
        }
        if (code.startsWith(BENEFICIARY)) {
            return Kind.BENEFICIARY;
        }
        throw new IllegalArgumentException("unknown account " + code);
    }

    /** The side that increases the account's balance. */
    public static Side normalSide(String code) {
        return kind(code) == Kind.PROGRAMME ? Side.DEBIT : Side.CREDIT;
    }
}
