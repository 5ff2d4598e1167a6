from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safepassage.web.settings")
