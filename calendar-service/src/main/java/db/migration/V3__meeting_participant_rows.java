package db.migration;

import dev.breakdown.contracts.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves V1's JSON participants into meeting_participants / meeting_attendees and fills end_at, then drops the JSON
 * column. Java because neither JSON parsing nor interval arithmetic is written the same way on H2 and PostgreSQL.
 * Team participants of old meetings get no attendee rows (the directory is not at hand here).
 */
public class V3__meeting_participant_rows extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (Statement select = db.createStatement();
             ResultSet rows = select.executeQuery("SELECT id, participants, start_at, duration_min, created_at FROM meetings");
             PreparedStatement participant = db.prepareStatement(
                     "INSERT INTO meeting_participants (meeting_id, position, participant) VALUES (?, ?, ?)");
             PreparedStatement attendee = db.prepareStatement(
                     "INSERT INTO meeting_attendees (meeting_id, person) VALUES (?, ?)");
             PreparedStatement times = db.prepareStatement(
                     "UPDATE meetings SET end_at = ?, updated_at = ? WHERE id = ?")) {
            while (rows.next()) {
                String id = rows.getString("id");
                String[] names = Json.mapper().readValue(rows.getString("participants"), String[].class);
                Set<String> people = new LinkedHashSet<>();
                for (int i = 0; i < names.length; i++) {
                    participant.setString(1, id);
                    participant.setInt(2, i);
                    participant.setString(3, names[i]);
                    participant.executeUpdate();
                    if (!names[i].startsWith("team:")) {
                        people.add(names[i].startsWith("owner:") ? names[i].substring("owner:".length()) : names[i]);
                    }
                }
                for (String person : people) {
                    attendee.setString(1, id);
                    attendee.setString(2, person);
                    attendee.executeUpdate();
                }
                OffsetDateTime start = rows.getObject("start_at", OffsetDateTime.class);
                times.setObject(1, start.plusMinutes(rows.getInt("duration_min")));
                times.setObject(2, rows.getObject("created_at", OffsetDateTime.class));
                times.setString(3, id);
                times.executeUpdate();
            }
        }
        try (Statement alter = db.createStatement()) {
            alter.execute("ALTER TABLE meetings DROP COLUMN participants");
            alter.execute("ALTER TABLE meetings ALTER COLUMN end_at SET NOT NULL");
            alter.execute("ALTER TABLE meetings ALTER COLUMN updated_at SET NOT NULL");
        }
    }
}
