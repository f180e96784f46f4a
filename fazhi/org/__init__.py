"""行政区划, departments, people and roles; and the one rule of who sees what (`visible_to`)."""
