"""``python -m gametheory``: the ``gametheory`` command (see :mod:`gametheory.cli`)."""

from .cli import main

raise SystemExit(main())
