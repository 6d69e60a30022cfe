package fr.dataterritoires.roadmaps.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.WeakHashMap;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.roadmaps.application.roadmap.RoadmapStore;
import fr.dataterritoires.roadmaps.domain.roadmap.Grant;
import fr.dataterritoires.roadmaps.domain.roadmap.Issuer;
import fr.dataterritoires.roadmaps.domain.roadmap.Item;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemComment;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemContent;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemKind;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemStatus;
import fr.dataterritoires.roadmaps.domain.roadmap.Period;
import fr.dataterritoires.roadmaps.domain.roadmap.Roadmap;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapKind;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapSnapshot;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapStatus;

/**
 * Roadmaps ({@code roadmap}), their items ({@code roadmap_item}: on each save only the items that changed, in order, the kind-specific
 * fields as JSONB and the amounts in columns the database checks), versions and comments.
 */
@Repository
public class JdbcRoadmapStore implements RoadmapStore {

    private static final String COLUMNS = "id, kind, committee_id, region_code, ministry_code, start_year, end_year, title, "
            + "status, changes_requested_reason, version, created_at, submitted_at, published_at";

    private final NamedParameterJdbcTemplate jdbc;

    /**
     * The items of each roadmap read for update, as read, in order, by the roadmap object's identity (weak: forgotten
     * with the object). Its row is locked and its version checked by {@link #update}, so these are the stored rows: a
     * save compares the items with them in memory and sends nothing for the unchanged ones.
     */
    private final Map<Roadmap, List<Item>> itemsAsRead = Collections.synchronizedMap(new WeakHashMap<>());

    public JdbcRoadmapStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Roadmap> find(UUID id) {
        return one("SELECT " + COLUMNS + " FROM roadmap WHERE id = :id", id);
    }

    @Override
    public Optional<Roadmap> findForUpdate(UUID id) {
        Optional<Roadmap> roadmap = one("SELECT " + COLUMNS + " FROM roadmap WHERE id = :id FOR UPDATE", id);
        roadmap.ifPresent(r -> itemsAsRead.put(r, r.items()));
        return roadmap;
    }

    @Override
    public boolean existsCommitteePeriod(UUID committeeId, int startYear, int endYear) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM roadmap WHERE kind = 'COMMITTEE' "
                        + "AND committee_id = :c AND start_year = :s AND end_year = :e)",
                new MapSqlParameterSource("c", committeeId).addValue("s", startYear).addValue("e", endYear), Boolean.class));
    }

    @Override
    public boolean existsMinistryYear(String ministryCode, int year) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM roadmap WHERE kind = 'MINISTERIAL' "
                        + "AND ministry_code = :m AND start_year = :y)",
                new MapSqlParameterSource("m", ministryCode).addValue("y", year), Boolean.class));
    }

    @Override
    public long insert(Roadmap r, Instant now) {
        jdbc.update("INSERT INTO roadmap (" + COLUMNS + ", updated_at) VALUES (:id, :kind, :committee, :region, :ministry, "
                + ":start, :end, :title, :status, :reason, 1, :now, :submitted, :published, :now)", params(r, now));
        insertItems(itemRows(r));
        return 1;
    }

    @Override
    public long update(Roadmap r, Instant now) {
        int updated = jdbc.update("UPDATE roadmap SET title = :title, status = :status, changes_requested_reason = :reason, "
                + "submitted_at = :submitted, published_at = :published, updated_at = :now, version = version + 1 "
                + "WHERE id = :id AND version = :version", params(r, now).addValue("version", r.version()));
        if (updated != 1) {
            throw new OptimisticLockingFailureException("roadmap " + r.id() + " changed since it was read");
        }
        writeChangedItems(r);
        return r.version() + 1;
    }

    /**
     * Writes only what changed since the items were stored: a change touches one item of up to
     * {@link Roadmap#MAX_ITEMS}, and rewriting them all made each change cost as many deletes and inserts as the
     * roadmap has items. Removed items are deleted, changed ones updated, new ones inserted. A roadmap read with
     * {@link #findForUpdate} is compared with its items as read, in memory: an unchanged item costs no statement (the
     * suite benchmark's item filing sent one UPDATE per item of the roadmap, issue 10 §5). Otherwise the stored
     * positions are read and every kept item is sent, the database skipping the rows that do not differ. When a kept
     * item moved (an item removed or inserted before it), the positions, unique per roadmap and checked at once,
     * cannot be updated one by one: all the items are rewritten, as on creation.
     */
    private void writeChangedItems(Roadmap r) {
        MapSqlParameterSource ofRoadmap = new MapSqlParameterSource("id", r.id());
        List<Item> asRead = itemsAsRead.get(r);
        Map<UUID, Integer> stored = new HashMap<>();
        Map<UUID, Item> storedItems = new HashMap<>();
        if (asRead != null) {
            for (int position = 0; position < asRead.size(); position++) {
                stored.put(asRead.get(position).id(), position);
                storedItems.put(asRead.get(position).id(), asRead.get(position));
            }
        } else {
            jdbc.query("SELECT id, position FROM roadmap_item WHERE roadmap_id = :id", ofRoadmap,
                    rs -> {
                        stored.put(rs.getObject("id", UUID.class), rs.getInt("position"));
                    });
        }
        List<Item> items = r.items();
        List<MapSqlParameterSource> kept = new ArrayList<>();
        List<MapSqlParameterSource> added = new ArrayList<>();
        for (int position = 0; position < items.size(); position++) {
            Item item = items.get(position);
            Integer storedPosition = stored.remove(item.id());
            if (storedPosition != null && storedPosition != position) {
                jdbc.update("DELETE FROM roadmap_item WHERE roadmap_id = :id", ofRoadmap);
                insertItems(itemRows(r));
                itemsAsRead.put(r, items);
                return;
            }
            if (storedPosition == null) {
                added.add(itemRow(r, item, position));
            } else if (!item.equals(storedItems.get(item.id()))) {
                kept.add(itemRow(r, item, position));
            }
        }
        if (!stored.isEmpty()) {
            jdbc.update("DELETE FROM roadmap_item WHERE roadmap_id = :id AND id IN (:removed)",
                    new MapSqlParameterSource("id", r.id()).addValue("removed", stored.keySet()));
        }
        if (!kept.isEmpty()) {
            jdbc.batchUpdate("UPDATE roadmap_item SET " + ITEM_UPDATE + " WHERE id = :id AND roadmap_id = :roadmap "
                    + "AND (" + ITEM_UPDATABLE_COLUMNS + ") IS DISTINCT FROM (" + ITEM_UPDATABLE_VALUES + ")",
                    kept.toArray(MapSqlParameterSource[]::new));
        }
        insertItems(added);
        if (asRead != null) {
            itemsAsRead.put(r, items);
        }
    }

    private static final String ITEM_UPDATABLE_COLUMNS = "parent_id, kind, title, description, weight, status, progress, "
            + "requested_amount, requested_fte, granted_amount, granted_fte, grant_reason, dataset_reference, content, "
            + "milestones";
    private static final String ITEM_UPDATABLE_VALUES = "CAST(:parent AS uuid), :kind, :title, :description, :weight, "
            + ":status, :progress, CAST(:requested AS numeric), CAST(:fte AS numeric), CAST(:granted AS numeric), "
            + "CAST(:grantedFte AS numeric), :grantReason, :dataset, CAST(:content AS jsonb), CAST(:milestones AS jsonb)";
    private static final String ITEM_UPDATE = "(" + ITEM_UPDATABLE_COLUMNS + ") = ROW(" + ITEM_UPDATABLE_VALUES + ")";

    private List<MapSqlParameterSource> itemRows(Roadmap r) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        int position = 0;
        for (Item item : r.items()) {
            rows.add(itemRow(r, item, position++));
        }
        return rows;
    }

    private static MapSqlParameterSource itemRow(Roadmap r, Item item, int position) {
        ItemContent c = item.content();
        return new MapSqlParameterSource("id", item.id()).addValue("roadmap", r.id())
                .addValue("parent", item.parentId()).addValue("position", position)
                .addValue("kind", item.kind().name()).addValue("title", item.title())
                .addValue("description", item.description()).addValue("weight", item.weight())
                .addValue("status", item.status().name()).addValue("progress", item.progress())
                .addValue("requested", c.requestedAmount())
                .addValue("fte", c instanceof ItemContent.TerritorialAction a ? a.requestedFte() : null)
                .addValue("granted", item.grant() == null ? null : item.grant().amount())
                .addValue("grantedFte", item.grant() == null ? null : item.grant().fte())
                .addValue("grantReason", item.grant() == null ? null : item.grant().reason())
                .addValue("dataset", c instanceof ItemContent.DatasetToOpen d ? d.catalogueDatasetId() : null)
                .addValue("content", Json.write(c)).addValue("milestones", Json.write(item.milestones()));
    }

    private void insertItems(List<MapSqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO roadmap_item (id, roadmap_id, parent_id, position, kind, title, description, "
                    + "weight, status, progress, requested_amount, requested_fte, granted_amount, granted_fte, grant_reason, "
                    + "dataset_reference, content, milestones) VALUES (:id, :roadmap, :parent, :position, :kind, :title, "
                    + ":description, :weight, :status, :progress, :requested, :fte, :granted, :grantedFte, :grantReason, "
                    + ":dataset, CAST(:content AS jsonb), CAST(:milestones AS jsonb))",
                    rows.toArray(MapSqlParameterSource[]::new));
        }
    }

    @Override
    public List<Roadmap> list(Filter filter, int limit, int offset) {
        List<String> where = new ArrayList<>();
        MapSqlParameterSource p = new MapSqlParameterSource("limit", limit).addValue("offset", offset);
        if (filter.kind() != null) {
            where.add("kind = :kind");
            p.addValue("kind", filter.kind().name());
        }
        if (filter.regionCode() != null) {
            where.add("region_code = :region");
            p.addValue("region", filter.regionCode());
        }
        if (filter.ministryCode() != null) {
            where.add("ministry_code = :ministry");
            p.addValue("ministry", filter.ministryCode());
        }
        if (!filter.everything()) {
            where.add("(status = 'PUBLISHED' OR (CAST(:ownRegion AS text) IS NOT NULL AND kind = 'COMMITTEE' "
                    + "AND region_code = :ownRegion) OR (CAST(:ownMinistry AS text) IS NOT NULL AND kind = 'MINISTERIAL' "
                    + "AND ministry_code = :ownMinistry))");
            p.addValue("ownRegion", filter.ownRegion()).addValue("ownMinistry", filter.ownMinistry());
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.add("status IN (:statuses)");
            p.addValue("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        List<Roadmap> heads = jdbc.query("SELECT " + COLUMNS + " FROM roadmap"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY kind, region_code NULLS LAST, ministry_code NULLS LAST, start_year, id LIMIT :limit OFFSET :offset",
                p, (rs, n) -> head(rs, List.of()));
        return heads.stream().map(h -> withItems(h)).toList();
    }

    @Override
    public void appendVersion(UUID roadmapId, long number, String action, String actor, Instant at, RoadmapStatus status,
                              RoadmapSnapshot snapshot) {
        jdbc.update("INSERT INTO roadmap_version (roadmap_id, number, action, actor, occurred_at, status, snapshot) "
                        + "VALUES (:id, :number, :action, :actor, :at, :status, CAST(:snapshot AS jsonb))",
                new MapSqlParameterSource("id", roadmapId).addValue("number", number).addValue("action", action)
                        .addValue("actor", actor).addValue("at", Timestamp.from(at)).addValue("status", status.name())
                        .addValue("snapshot", Json.snapshot(snapshot)));
    }

    @Override
    public List<VersionEntry> versions(UUID roadmapId) {
        return jdbc.query("SELECT number, action, actor, occurred_at, status FROM roadmap_version WHERE roadmap_id = :id "
                        + "ORDER BY number", new MapSqlParameterSource("id", roadmapId),
                (rs, n) -> new VersionEntry(rs.getLong("number"), rs.getString("action"), rs.getString("actor"),
                        rs.getTimestamp("occurred_at").toInstant(), RoadmapStatus.valueOf(rs.getString("status"))));
    }

    @Override
    public Optional<RoadmapSnapshot> snapshot(UUID roadmapId, long number) {
        return jdbc.query("SELECT snapshot::text FROM roadmap_version WHERE roadmap_id = :id AND number = :number",
                new MapSqlParameterSource("id", roadmapId).addValue("number", number),
                (rs, n) -> Json.snapshot(rs.getString(1))).stream().findFirst();
    }

    @Override
    public void addComment(ItemComment c) {
        jdbc.update("INSERT INTO item_comment (id, roadmap_id, item_id, author, author_name, written_at, text) VALUES "
                        + "(:id, :roadmap, :item, :author, :name, :at, :text)",
                new MapSqlParameterSource("id", c.id()).addValue("roadmap", c.roadmapId()).addValue("item", c.itemId())
                        .addValue("author", c.author()).addValue("name", truncate(c.authorName()))
                        .addValue("at", Timestamp.from(c.writtenAt())).addValue("text", c.text()));
    }

    @Override
    public List<ItemComment> comments(UUID roadmapId, UUID itemId) {
        return jdbc.query("SELECT id, roadmap_id, item_id, author, author_name, written_at, text FROM item_comment "
                        + "WHERE roadmap_id = :roadmap AND item_id = :item ORDER BY written_at, id",
                new MapSqlParameterSource("roadmap", roadmapId).addValue("item", itemId),
                (rs, n) -> new ItemComment(rs.getObject("id", UUID.class), rs.getObject("roadmap_id", UUID.class),
                        rs.getObject("item_id", UUID.class), rs.getString("author"), rs.getString("author_name"),
                        rs.getTimestamp("written_at").toInstant(), rs.getString("text")));
    }

    private Optional<Roadmap> one(String sql, UUID id) {
        return jdbc.query(sql, new MapSqlParameterSource("id", id), (rs, n) -> head(rs, List.of())).stream().findFirst()
                .map(this::withItems);
    }

    private Roadmap withItems(Roadmap head) {
        List<Item> items = jdbc.query("SELECT id, parent_id, kind, title, description, weight, status, progress, "
                        + "granted_amount, granted_fte, grant_reason, content::text AS content, milestones::text AS milestones "
                        + "FROM roadmap_item WHERE roadmap_id = :id ORDER BY position",
                new MapSqlParameterSource("id", head.id()), (rs, n) -> item(rs));
        return new Roadmap(head.id(), head.issuer(), head.period(), head.title(), head.status(),
                head.changesRequestedReason(), items, head.version(), head.createdAt(), head.submittedAt(),
                head.publishedAt());
    }

    private static Item item(ResultSet rs) throws SQLException {
        ItemKind kind = ItemKind.valueOf(rs.getString("kind"));
        BigDecimal granted = rs.getBigDecimal("granted_amount");
        Grant grant = granted == null ? null
                : new Grant(granted, rs.getBigDecimal("granted_fte"), rs.getString("grant_reason"));
        return new Item(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("description"),
                rs.getObject("parent_id", UUID.class), rs.getInt("weight"), Json.content(kind, rs.getString("content")),
                ItemStatus.valueOf(rs.getString("status")), rs.getInt("progress"), Json.milestones(rs.getString("milestones")),
                grant);
    }

    private static Roadmap head(ResultSet rs, List<Item> items) throws SQLException {
        RoadmapKind kind = RoadmapKind.valueOf(rs.getString("kind"));
        Issuer issuer = kind == RoadmapKind.COMMITTEE
                ? Issuer.committee(rs.getObject("committee_id", UUID.class), rs.getString("region_code"))
                : Issuer.ofMinistry(rs.getString("ministry_code"));
        return new Roadmap(rs.getObject("id", UUID.class), issuer,
                new Period(rs.getInt("start_year"), rs.getInt("end_year")), rs.getString("title"),
                RoadmapStatus.valueOf(rs.getString("status")), rs.getString("changes_requested_reason"), items,
                rs.getLong("version"), rs.getTimestamp("created_at").toInstant(), instant(rs, "submitted_at"),
                instant(rs, "published_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static MapSqlParameterSource params(Roadmap r, Instant now) {
        return new MapSqlParameterSource("id", r.id()).addValue("kind", r.kind().name())
                .addValue("committee", r.issuer().committeeId()).addValue("region", r.issuer().regionCode())
                .addValue("ministry", r.issuer().ministryCode()).addValue("start", r.period().startYear())
                .addValue("end", r.period().endYear()).addValue("title", r.title()).addValue("status", r.status().name())
                .addValue("reason", r.changesRequestedReason()).addValue("now", Timestamp.from(now))
                .addValue("submitted", r.submittedAt() == null ? null : Timestamp.from(r.submittedAt()))
                .addValue("published", r.publishedAt() == null ? null : Timestamp.from(r.publishedAt()));
    }

    private static String truncate(String name) {
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
