"""行政复议 ledger, under 《行政复议法》 (2023 revision, in force 2024-01-01). Cases received earlier keep the 2017 rules (`law_version`)."""
