"""Makes the shared harness in tests/shapes importable here."""

import sys
from pathlib import Path

_HARNESS = str(Path(__file__).resolve().parent.parent / "shapes")
if _HARNESS not in sys.path:
    sys.path.insert(0, _HARNESS)
