"""Read-only views of a ruleset: tasks, units, one task explained, report templates, rules."""
