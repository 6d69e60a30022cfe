package fr.dataterritoires.roadmaps.persistence;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.roadmaps.application.roadmap.DatasetLinks;

/** DATASET items by catalogue id ({@code roadmap_item.dataset_reference}, indexed). */
@Repository
public class JdbcDatasetLinks implements DatasetLinks {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcDatasetLinks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UUID> roadmapsNaming(String catalogueDatasetId) {
        return jdbc.queryForList("SELECT DISTINCT roadmap_id FROM roadmap_item WHERE dataset_reference = :id "
                + "AND kind = 'DATASET' ORDER BY roadmap_id", new MapSqlParameterSource("id", catalogueDatasetId),
                UUID.class);
    }
}
