#!/usr/bin/env python3
"""Checks that every metric a Grafana dashboard queries exists in real Prometheus scrapes, with the labels
the query groups or filters by.

Usage: check-dashboard.py [--help] DASHBOARD.json SCRAPE.txt...
The scrapes are what the services' PrometheusEndpointTest saved after one real flow
(<module>/target/prometheus-scrape.txt). Exit 1 names each metric no scrape has and each label none of the
query's metrics carries.
"""
import json
import re
import sys

# PromQL words that look like metric names but are functions, aggregations or keywords.
PROMQL_WORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless",
                "offset", "inf", "nan"}


def expressions(node):
    """Every expr string anywhere in the dashboard (panels, rows, targets)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "expr" and isinstance(value, str):
                yield value
            else:
                yield from expressions(value)
    elif isinstance(node, list):
        for item in node:
            yield from expressions(item)


def metric_names(expr):
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)          # string literals
    text = re.sub(r"\{[^}]*\}", "", text)                        # label matchers
    text = re.sub(r"\[[^\]]*\]", "", text)                       # range selectors
    text = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", text)
    names = set()
    for match in re.finditer(r"[A-Za-z_:][A-Za-z0-9_:]*", text):
        rest = text[match.end():].lstrip()
        word = match.group(0)
        if rest.startswith("(") or word.lower() in PROMQL_WORDS or word.startswith("$"):
            continue
        if match.start() > 0 and text[match.start() - 1] == "$":
            continue  # Grafana variables such as $__rate_interval
        names.add(word)
    return names


def labels_used(expr):
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)
    used = set()
    for matchers in re.findall(r"\{([^}]*)\}", text):
        used.update(re.findall(r"([A-Za-z_][A-Za-z0-9_]*)\s*(?:=~|!~|!=|=)", matchers))
    for grouping in re.findall(r"\b(?:by|without|on|ignoring)\s*\(([^)]*)\)", text):
        used.update(label.strip() for label in grouping.split(",") if label.strip())
    return used


def scraped(paths):
    """Series name -> the label names its samples carry."""
    series = {}
    for path in paths:
        with open(path, encoding="utf-8") as scrape:
            for line in scrape:
                if line.strip() and not line.startswith("#"):
                    name = re.match(r"[A-Za-z_:][A-Za-z0-9_:]*", line).group(0)
                    labels = re.match(r"[^{ ]*(\{[^}]*\})?", line).group(1) or ""
                    series.setdefault(name, set()).update(re.findall(r"([A-Za-z_][A-Za-z0-9_]*)=\"", labels))
    return series


def main(args):
    if not args or args[0] in ("-h", "--help") or len(args) < 2:
        print(__doc__.strip())
        return 0 if args and args[0] in ("-h", "--help") else 2
    with open(args[0], encoding="utf-8") as file:
        dashboard = json.load(file)
    have = scraped(args[1:])
    wanted = {}
    problems = []
    for expr in expressions(dashboard):
        names = metric_names(expr)
        for name in names:
            wanted.setdefault(name, expr)
        carried = set().union(*(have.get(name, set()) for name in names)) if names else set()
        for label in sorted(labels_used(expr) - carried):
            if any(name in have for name in names):
                problems.append(f"label {label} is on none of {sorted(names)} (in: {expr})")
    missing = sorted(name for name in wanted if name not in have)
    for name in missing:
        print(f"missing: {name} (in: {wanted[name]})")
    for problem in problems:
        print(problem)
    print(f"{len(wanted)} metric(s) queried, {len(wanted) - len(missing)} found in {len(args) - 1} scrape(s)"
          f" ({len(have)} series names); {len(problems)} label problem(s)")
    return 1 if missing or problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
