"""`python -m salesaudit`."""

import sys

from salesaudit.cli import main

sys.exit(main())
