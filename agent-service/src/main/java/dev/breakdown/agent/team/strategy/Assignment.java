package dev.breakdown.agent.team.strategy;

/** Who a strategy picked ({@code owner} null when nobody is available), from which team, and why. */
public record Assignment(String owner, String team, String reason) {
}
