"""The Material icons the UI uses, by their value in Flet's icon table.

Naming an icon through Flet's own `Icons` table makes Flet load all of it (about 8,000 names,
1 MB of server memory) to find these few. An icon set of one's own is a documented use of
`ft.IconData`; `tests/test_icons.py` checks every value against Flet's table.
"""

from __future__ import annotations

import flet as ft


class Icons(ft.IconData, package_name="flet", class_name="Icons"):
    ALT_ROUTE = 65869
    ALT_ROUTE_OUTLINED = 65870
    ARROW_BACK = 65957
    ARROW_FORWARD = 66001
    BADGE_OUTLINED = 66204
    CALL = 66653
    CHECK = 66861
    CHECKLIST = 66881
    CHECKLIST_OUTLINED = 66882
    CLOSE = 66945
    CONTACT_PHONE = 67118
    CONTACT_PHONE_OUTLINED = 67119
    CONTENT_COPY = 67134
    DOWNLOAD = 67776
    EDIT = 67881
    EXPAND_LESS = 68132
    EXPAND_MORE = 68136
    FULLSCREEN = 68845
    GAVEL = 68881
    HOME = 69217
    HOME_OUTLINED = 69227
    INFO_OUTLINE = 69375
    LIBRARY_BOOKS = 69706
    LIBRARY_BOOKS_OUTLINED = 69707
    LIGHTBULB_OUTLINE = 69727
    LINK = 69749
    LOCK = 69946
    LOCK_OUTLINE = 69955
    LOGOUT = 69977
    MENU_BOOK = 70186
    MENU_BOOK_OUTLINED = 70187
    OPEN_IN_NEW = 70847
    PLAY_ARROW = 71356
    PSYCHOLOGY_OUTLINED = 71537
    QUESTION_ANSWER = 71584
    QUESTION_ANSWER_OUTLINED = 71585
    REPLAY = 71801
    RESTART_ALT = 71857
    SCHOOL = 72069
    SCHOOL_OUTLINED = 72070
    SEARCH = 72141
    SETTINGS = 72245
    SETTINGS_OUTLINED = 72298
    SPA = 72707
    SPA_OUTLINED = 72708
    VOLUNTEER_ACTIVISM = 74027
    VOLUNTEER_ACTIVISM_OUTLINED = 74028
