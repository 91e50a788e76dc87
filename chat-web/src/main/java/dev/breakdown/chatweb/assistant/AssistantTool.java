package dev.breakdown.chatweb.assistant;

/**
 * One tool of the assistant: a {@code @Component} with exactly one Spring AI {@code @Tool} method. Every bean of
 * this type is offered to the model; adding a tool is adding a class.
 */
public interface AssistantTool {

    /** What the user sees while the tool runs, e.g. "Reading the recent actions". */
    String progressText();

    /** A ChatKit icon name for the progress line. */
    default String progressIcon() {
        return "search";
    }
}
