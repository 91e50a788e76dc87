package dev.breakdown.webhook.intake;

import dev.breakdown.webhook.WebhookProperties;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Which Breakdown project an event belongs to: {@code breakdown.webhook.projects}, else PROJECT_ID. */
@Component
public class ProjectResolver {
    private final Map<String, String> projects = new HashMap<>();
    private final String defaultProject;

    public ProjectResolver(WebhookProperties properties) {
        // Keys bound from environment variables arrive lower-cased, so matching ignores case.
        properties.projects().forEach((key, project) -> projects.put(key.toLowerCase(Locale.ROOT), project));
        this.defaultProject = properties.defaultProject();
    }

    /** By {@code owner/repo}, then by {@code owner}. */
    public String forGitHubRepo(String fullName) {
        String repo = fullName.toLowerCase(Locale.ROOT);
        String project = projects.get(repo);
        int slash = repo.indexOf('/');
        if (project == null && slash > 0) {
            project = projects.get(repo.substring(0, slash));
        }
        return project == null ? defaultProject : project;
    }

    public String forJiraProject(String projectKey) {
        String project = projectKey == null ? null : projects.get(projectKey.toLowerCase(Locale.ROOT));
        return project == null ? defaultProject : project;
    }
}
