"""Flet's Session objects still alive in a served process, counted from outside the app: by a
test's server (counting_app) and by the bench's launcher."""

from __future__ import annotations

import weakref

from flet.messaging.session import Session


def count_sessions() -> weakref.WeakSet:
    """Every Session made from now on, held weakly: after a collection, its length is how many
    are still alive."""
    alive: weakref.WeakSet = weakref.WeakSet()
    init = Session.__init__

    def counted(self, *args, **kwargs):
        init(self, *args, **kwargs)
        alive.add(self)

    Session.__init__ = counted
    return alive
