package dev.breakdown.platform.directory;

import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@link TeamDirectory} bean of every service that has the platform jar: the file named by
 * {@code breakdown.teams-file} (services map it to {@code BREAKDOWN_TEAMS_FILE}), else the shipped default.
 * A file that cannot be used stops the service at start with each problem as file:line:column.
 */
@AutoConfiguration
public class TeamDirectoryAutoConfiguration {

    public static final String PROPERTY = "breakdown.teams-file";
    public static final String VARIABLE = "BREAKDOWN_TEAMS_FILE";

    private static final Log log = LogFactory.getLog(TeamDirectoryAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public TeamDirectory teamDirectory(Environment environment) {
        // the variable itself is the fallback, so a service that does not map the property still honours it
        String location = environment.getProperty(PROPERTY, environment.getProperty(VARIABLE, ""));
        try {
            TeamDirectory directory = TeamDirectory.load(location);
            log.info("Team directory " + directory.source() + ": people " + directory.people().keySet() + ", teams "
                    + directory.teams().keySet());
            List<String> unlisted = directory.teams().values().stream().flatMap(team -> team.members().stream())
                    .filter(id -> directory.person(id).isEmpty()).distinct().toList();
            if (!unlisted.isEmpty()) {
                // allowed (they get the defaults), but a typo in a member list shows up here
                log.info("Team members without an entry under people: " + unlisted + "; they get the defaults");
            }
            return directory;
        } catch (DirectoryException e) {
            throw new DirectoryException(VARIABLE + " (" + PROPERTY + ") = '" + location
                    + "' is not a usable team directory:", e);
        }
    }
}
