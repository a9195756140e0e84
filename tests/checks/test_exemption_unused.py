"""`exemption-unused`: an exemption that matched nothing, told in set runs only."""

from __future__ import annotations

from .exemption_support import exemption_case_tests

KIND = "exemption-unused"
test_failing_fixture, test_passing_fixture = exemption_case_tests(KIND)
