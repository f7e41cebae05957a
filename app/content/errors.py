"""The error a screen catches when content is broken. Its own module, free of pydantic and YAML,
so that the shell can catch it without loading the content models before its first screen."""


class ContentError(Exception):
    """Raised when shipped content does not validate; carries every problem found."""

    def __init__(self, problems: list) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
