"""``python -m sms_desktop`` runs the command line (the GUI by default)."""

import sys

from sms_desktop.cli import main

sys.exit(main())
