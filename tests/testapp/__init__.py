"""A test-only app: a model that carries clocks, for the kernel's own tests."""
