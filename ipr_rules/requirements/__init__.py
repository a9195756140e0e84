"""Per-task requirements: outputs the plan's own words demand, as declarative cerberus rules.

`derive` finds them in a task's text at compile time; they are stored in the compiled ruleset
as cerberus schemas over a report entry; `overlay` applies the office's hand-kept additions,
changes and removals; `validator` holds the custom rules; `evaluate` runs them on entries.
"""
