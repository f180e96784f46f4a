"""`python -m review` runs the command-line tool."""

from __future__ import annotations

import sys

from review.cli import main

sys.exit(main())
