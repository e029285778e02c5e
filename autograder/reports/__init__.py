"""Report writers: each takes results and writes one format."""
