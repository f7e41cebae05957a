"""Theme per language, text size and brightness.

Flet has no page-wide text scale, so the text theme is rebuilt with scaled sizes. Each style
repeats the font, its fallbacks and the colour: overriding a TextStyle otherwise drops them
(Arabic would render as boxes, dark-mode text would turn black).
"""

from __future__ import annotations

import flet as ft

from app.i18n import LANGUAGES, Language

SEED_COLOR = ft.Colors.TEAL
# A group opens within one short animation, so its content is there under 100 ms after a tap.
# (Set on each tile: the theme's expansion_tile_theme did not reach them.)
EXPAND = ft.AnimationStyle(duration=ft.Duration(milliseconds=60), reverse_duration=ft.Duration(milliseconds=60))

# Material 3 default sizes, scaled by the user's text-size setting.
_SIZES = {
    "display_large": 57, "display_medium": 45, "display_small": 36,
    "headline_large": 32, "headline_medium": 28, "headline_small": 24,
    "title_large": 22, "title_medium": 16, "title_small": 14,
    "body_large": 16, "body_medium": 14, "body_small": 12,
    "label_large": 14, "label_medium": 12, "label_small": 11,
}  # fmt: skip


# Where the keyboard is, plainly (WCAG 2.4.11 / 2.4.13: 3:1 between focused and not, 2 px thick),
# instead of Material's faint grey tint, nearly invisible on a filled button such as "Show result":
# a 3 px ring in the text colour. A filled button also turns to the background's colour while
# focused, since a ring drawn on its own teal fill would not stand out from it.
FOCUS_RING = ft.BorderSide(3, ft.Colors.ON_SURFACE)


def _focus_ring(filled: bool = False) -> ft.ButtonStyle:
    focused = ft.ControlState.FOCUSED
    if filled:
        return ft.ButtonStyle(side={focused: FOCUS_RING}, bgcolor={focused: ft.Colors.SURFACE},
                              color={focused: ft.Colors.ON_SURFACE}, icon_color={focused: ft.Colors.ON_SURFACE})  # fmt: skip
    return ft.ButtonStyle(side={focused: FOCUS_RING})


# The same for everything else the keyboard reaches (the rail, tiles, groups): Flutter shows their
# focus as a fill of the theme's focus colour under the content, faint by default. An opaque fill
# instead, as far from the background and the tiles as 3:1 and from the text on it as 4.5:1, in
# each brightness (measured in tests/browser/test_focus.py).
FOCUS_FILL = {False: "#788C87", True: "#586763"}


def _fallbacks(language: Language) -> list[str]:
    return [family for family in dict.fromkeys(lang.font for lang in LANGUAGES.values()) if family != language.font]


def build_theme(language: Language, scale: float, dark: bool) -> ft.Theme:
    def style(size: float) -> ft.TextStyle:
        return ft.TextStyle(
            size=round(size * scale * language.size_adjust, 1),
            font_family=language.font,
            font_family_fallback=_fallbacks(language),
            color=ft.Colors.ON_SURFACE,
        )

    fill = FOCUS_FILL[dark]
    focused = {ft.ControlState.FOCUSED: fill}
    return ft.Theme(
        color_scheme_seed=SEED_COLOR,
        font_family=language.font,
        text_theme=ft.TextTheme(**{name: style(size) for name, size in _SIZES.items()}),
        filled_button_theme=ft.FilledButtonTheme(style=_focus_ring(filled=True)),
        outlined_button_theme=ft.OutlinedButtonTheme(style=_focus_ring()),
        text_button_theme=ft.TextButtonTheme(style=_focus_ring()),
        icon_button_theme=ft.IconButtonTheme(style=_focus_ring()),
        focus_color=fill,
        # Radios, checkboxes and switches show focus as a halo, and segments as an overlay: the same
        # fill. The halo is a little smaller than Material's, so that it stops short of the label.
        radio_theme=ft.RadioTheme(overlay_color=focused, splash_radius=16),
        checkbox_theme=ft.CheckboxTheme(overlay_color=focused, splash_radius=16),
        switch_theme=ft.SwitchTheme(overlay_color=focused),
        # A segment's overlay is replaced whole, so hovered and pressed keep Material's own values.
        segmented_button_theme=ft.SegmentedButtonTheme(style=ft.ButtonStyle(overlay_color={
            **focused,
            ft.ControlState.PRESSED: ft.Colors.with_opacity(0.1, ft.Colors.ON_SURFACE),
            ft.ControlState.HOVERED: ft.Colors.with_opacity(0.08, ft.Colors.ON_SURFACE),
        })),
    )


def dress_page(page: ft.Page, language: Language, scale: float, dark: bool) -> None:
    """The page in the language's locale and direction, at the text size, light or dark."""
    page.locale_configuration = ft.LocaleConfiguration(
        supported_locales=[ft.Locale(*lang.flutter_locale) for lang in LANGUAGES.values()],
        current_locale=ft.Locale(*language.flutter_locale),
    )
    # The app's direction is its language's, always: a card or patient view in another
    # language lays itself out inside it, so Exit never changes corner.
    page.rtl = language.rtl
    # One theme, for the brightness in use (its focus fill differs by brightness); a change of
    # setting dresses the page again.
    page.theme = page.dark_theme = build_theme(language, scale, dark)
    page.theme_mode = ft.ThemeMode.DARK if dark else ft.ThemeMode.LIGHT
    # Flutter eases from one theme to the next over 200 ms; the first screen was drawn in its
    # default blue and font, then again in the app's, and each change of setting redraws the
    # whole screen several times, ~200 ms a frame on one thread. Shown at once instead.
    page.theme_animation_style = ft.AnimationStyle.no_animation()
