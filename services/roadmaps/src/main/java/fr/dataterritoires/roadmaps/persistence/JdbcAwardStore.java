package fr.dataterritoires.roadmaps.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.roadmaps.application.roadmap.AwardStore;
import fr.dataterritoires.roadmaps.domain.roadmap.ReceivedAward;
import fr.dataterritoires.territory.Siren;

/** Awards linked to roadmap items ({@code roadmap_award}, V50). */
@Repository
public class JdbcAwardStore implements AwardStore {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcAwardStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(ReceivedAward a, Instant receivedAt, UUID eventId) {
        return jdbc.update("INSERT INTO roadmap_award (award_id, roadmap_id, item_id, call_id, call_title, funder_siren, "
                        + "beneficiary_sirens, amount, currency, granted_at, received_at, event_id) VALUES (:award, "
                        + ":roadmap, :item, :call, :title, :funder, string_to_array(:beneficiaries, ','), :amount, 'EUR', "
                        + ":granted, :received, :event) ON CONFLICT (award_id) DO NOTHING",
                new MapSqlParameterSource("award", a.awardId()).addValue("roadmap", a.roadmapId())
                        .addValue("item", a.itemId()).addValue("call", a.callId()).addValue("title", a.callTitle())
                        .addValue("funder", a.funderSiren().value())
                        .addValue("beneficiaries", a.beneficiarySirens().stream().map(Siren::value)
                                .collect(Collectors.joining(",")))
                        .addValue("amount", a.amount()).addValue("granted", Timestamp.from(a.grantedAt()))
                        .addValue("received", Timestamp.from(receivedAt)).addValue("event", eventId)) == 1;
    }

    @Override
    public List<ReceivedAward> ofRoadmap(UUID roadmapId) {
        return jdbc.query("SELECT award_id, roadmap_id, item_id, call_id, call_title, funder_siren, "
                        + "array_to_string(beneficiary_sirens, ',') AS beneficiaries, amount, granted_at FROM roadmap_award "
                        + "WHERE roadmap_id = :roadmap ORDER BY granted_at, award_id",
                new MapSqlParameterSource("roadmap", roadmapId),
                (rs, n) -> new ReceivedAward(rs.getObject("award_id", UUID.class), rs.getObject("roadmap_id", UUID.class),
                        rs.getObject("item_id", UUID.class), rs.getString("call_id"), rs.getString("call_title"),
                        new Siren(rs.getString("funder_siren")),
                        Arrays.stream(rs.getString("beneficiaries").split(",")).map(Siren::new).toList(),
                        rs.getBigDecimal("amount"), rs.getTimestamp("granted_at").toInstant()));
    }
}
