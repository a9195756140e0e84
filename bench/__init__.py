"""Benchmark for ipr-check: a deterministic report generator (`bench.generate`) and the timing run (`bench.run`)."""
