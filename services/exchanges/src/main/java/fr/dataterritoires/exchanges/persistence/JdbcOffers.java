package fr.dataterritoires.exchanges.persistence;

import static fr.dataterritoires.exchanges.persistence.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.exchanges.application.ExchangeStores;
import fr.dataterritoires.exchanges.domain.DateRange;
import fr.dataterritoires.exchanges.domain.HostType;
import fr.dataterritoires.exchanges.domain.Offer;
import fr.dataterritoires.exchanges.domain.OfferStatus;
import fr.dataterritoires.exchanges.domain.WorkMode;

/**
 * Offers ({@code offer}, {@code offer_window}). Row locks are {@code FOR NO KEY UPDATE}: they serialise whoever moves
 * capacity (each other, and the placement trigger's update of {@code places_taken}) but not the foreign-key checks
 * of rows inserted meanwhile (an application to the offer), which would otherwise wait and could deadlock.
 */
@Repository
public class JdbcOffers implements ExchangeStores.Offers {

    private static final String COLUMNS = "id, host_siren, host_type, host_name, region_code, ministry, title, topics, "
            + "activities, learning_outcomes, min_days, max_days, capacity, places_taken, work_mode, place, status, "
            + "created_by, created_at, published_at, closed_at, version";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcOffers(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Offer o) {
        jdbc.update("INSERT INTO offer (id, host_siren, host_type, host_name, region_code, ministry, title, topics, "
                + "activities, learning_outcomes, min_days, max_days, capacity, work_mode, place, status, created_by, "
                + "created_at) VALUES (:id, :siren, :type, :name, :region, :ministry, :title, :topics, :activities, "
                + ":outcomes, :min, :max, :capacity, :mode, :place, :status, :by, :at)", new MapSqlParameterSource()
                .addValue("id", o.id()).addValue("siren", o.hostSiren()).addValue("type", o.hostType().name())
                .addValue("name", o.hostName()).addValue("region", o.regionCode()).addValue("ministry", o.ministry())
                .addValue("title", o.title()).addValue("topics", Rows.array(o.topics()))
                .addValue("activities", o.activities()).addValue("outcomes", o.learningOutcomes())
                .addValue("min", o.minDays()).addValue("max", o.maxDays()).addValue("capacity", o.capacity())
                .addValue("mode", o.workMode().name()).addValue("place", o.place())
                .addValue("status", o.status().name()).addValue("by", o.createdBy()).addValue("at", ts(o.createdAt())));
        List<DateRange> windows = o.windows();
        for (int i = 0; i < windows.size(); i++) {
            jdbc.update("INSERT INTO offer_window (offer_id, position, start_date, end_date) VALUES (:id, :p, :s, :e)",
                    new MapSqlParameterSource("id", o.id()).addValue("p", i).addValue("s", windows.get(i).start())
                            .addValue("e", windows.get(i).end()));
        }
    }

    @Override
    public void update(Offer o) {
        // places_taken is the placement trigger's: never written from here
        Rows.checkUpdated(jdbc.update("UPDATE offer SET status = :status, published_at = :published, "
                + "closed_at = :closed, version = version + 1 WHERE id = :id AND version = :version",
                new MapSqlParameterSource("id", o.id()).addValue("status", o.status().name())
                        .addValue("published", ts(o.publishedAt())).addValue("closed", ts(o.closedAt()))
                        .addValue("version", o.version())), "offer");
    }

    @Override
    public Optional<Offer> find(UUID id) {
        return one("SELECT " + COLUMNS + " FROM offer WHERE id = :id", id);
    }

    @Override
    public Optional<Offer> lock(UUID id) {
        return one("SELECT " + COLUMNS + " FROM offer WHERE id = :id FOR NO KEY UPDATE", id);
    }

    @Override
    public List<Offer> list(OfferStatus status, String hostSiren, String regionCode, String topic, int limit, int offset) {
        return withWindows(jdbc.query("SELECT " + COLUMNS + " FROM offer WHERE (CAST(:status AS text) IS NULL OR "
                + "status = :status) AND (CAST(:siren AS text) IS NULL OR host_siren = :siren) AND "
                + "(CAST(:region AS text) IS NULL OR region_code = :region) AND (CAST(:topic AS text) IS NULL OR "
                + ":topic = ANY (topics)) ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset",
                new MapSqlParameterSource("status", status == null ? null : status.name())
                        .addValue("siren", hostSiren).addValue("region", regionCode).addValue("topic", topic)
                        .addValue("limit", limit).addValue("offset", offset),
                (rs, n) -> map(rs)));
    }

    private Optional<Offer> one(String sql, UUID id) {
        return withWindows(jdbc.query(sql, Map.of("id", id), (rs, n) -> map(rs))).stream().findFirst();
    }

    /** The offers read, each with its availability windows (one query for all of them). */
    private List<Offer> withWindows(List<Offer> offers) {
        if (offers.isEmpty()) {
            return offers;
        }
        Map<UUID, List<DateRange>> windows = new HashMap<>();
        jdbc.query("SELECT offer_id, start_date, end_date FROM offer_window WHERE offer_id = ANY (:ids) "
                + "ORDER BY offer_id, position", Map.of("ids", offers.stream().map(Offer::id).toArray(UUID[]::new)),
                rs -> {
                    windows.computeIfAbsent(rs.getObject("offer_id", UUID.class), k -> new ArrayList<>())
                            .add(new DateRange(rs.getObject("start_date", LocalDate.class),
                                    rs.getObject("end_date", LocalDate.class)));
                });
        return offers.stream().map(o -> new Offer(o.id(), o.hostSiren(), o.hostType(), o.hostName(), o.regionCode(),
                o.ministry(), o.title(), o.topics(), o.activities(), o.learningOutcomes(), o.minDays(), o.maxDays(),
                windows.getOrDefault(o.id(), List.of()), o.capacity(), o.placesTaken(), o.workMode(), o.place(),
                o.status(), o.createdBy(), o.createdAt(), o.publishedAt(), o.closedAt(), o.version())).toList();
    }

    private static Offer map(ResultSet rs) throws SQLException {
        return new Offer(rs.getObject("id", UUID.class), rs.getString("host_siren"),
                HostType.valueOf(rs.getString("host_type")), rs.getString("host_name"), rs.getString("region_code"),
                rs.getString("ministry"), rs.getString("title"), Rows.strings(rs, "topics"),
                rs.getString("activities"), rs.getString("learning_outcomes"), rs.getInt("min_days"),
                rs.getInt("max_days"), List.of(), rs.getInt("capacity"), rs.getInt("places_taken"),
                WorkMode.valueOf(rs.getString("work_mode")), rs.getString("place"),
                OfferStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "published_at"), Rows.instant(rs, "closed_at"),
                rs.getLong("version"));
    }
}
