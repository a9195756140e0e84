from ipr_rules.cli import entry_point

entry_point()
