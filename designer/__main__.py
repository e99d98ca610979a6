"""``python -m designer`` is the same as the ``designer`` command."""

import sys

from designer.cli import main

sys.exit(main())
