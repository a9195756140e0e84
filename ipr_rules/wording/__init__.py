"""What a report's own words say: whether an action states a checkable fact (`facts`), when
the work was done (`periods`), and whether a campaign is named only to say it was not done
(`negation`). Pure functions over one string, precompiled patterns, linear in its length."""
