"""The toolkit's errors.

Every error a user can cause is a :class:`ToolkitError`. Its message names the file
(and line, where there is one) and says what to do; the CLI prints it on one line and
exits with the error's ``exit_code``, never with a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _one_line(text: str) -> str:
    """A message on one line, whatever a file name or a field in it holds: line breaks,
    terminal escapes and bidi overrides are shown as code points (``\\x0a``), not obeyed."""
    return _UNSAFE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )


class ToolkitError(Exception):
    """Base class: a problem the user can fix."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.hint = hint
        super().__init__(self.render())

    def render(self) -> str:
        """The one-line message: ``FILE:LINE: message (hint)``."""
        where = ""
        if self.path is not None:
            where = str(self.path)
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        text = where + self.message
        if self.hint:
            text += f" ({self.hint})"
        return _one_line(text)


def one_of(names: tuple[str, ...] | list[str]) -> str:
    """``a, b or c``: the choices an error message offers."""
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else "".join(names)


class InputError(ToolkitError):
    """An input document cannot be read or cleaned (encoding, binary, empty)."""


class GlossaryError(ToolkitError):
    """The glossary is malformed: a bad row, a duplicate, a conflicting rendering."""

    exit_code = 2


class ModelError(ToolkitError):
    """A translation model is missing, broken, or cannot be installed."""

    exit_code = 2


class MemoryFileError(ToolkitError):
    """The translation memory file cannot be opened, or is not one."""

    exit_code = 2


class ConfigError(ToolkitError):
    """Bad options or configuration."""

    exit_code = 2


class BuildError(ToolkitError):
    """Writing the docs or building the site failed."""


class OutputError(ToolkitError):
    """An output cannot be written: a read-only or missing folder, a full disk, no permission.

    An environment problem, not a bad input: the command stops (exit 2) at the first output it
    cannot write; outputs written before are whole, the one being written is removed.
    """

    exit_code = 2

    def elsewhere(self, how: str) -> OutputError:
        """The same error with the command's own way to write somewhere else added to the hint
        (``choose another -o folder``)."""
        hint = f"{self.hint}, or {how}" if self.hint else how
        return OutputError(self.message, path=self.path, line=self.line, hint=hint)


class InstallError(ToolkitError):
    """A package the toolkit needs is missing or broken: the install is incomplete.

    Never swallowed: cleaning HTML without trafilatura would silently be worse."""

    exit_code = 2


class ExchangeError(ToolkitError):
    """A review or TMX file cannot be used: malformed, another format, or a unit in it is
    refused (an unknown id, an empty target, a target still in Chinese). Exit 1 when units
    were refused, 2 when a file is unusable as a whole; either way the memory is unchanged."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        hint: str | None = None,
        unit: str = "",
        usable: bool = True,
    ) -> None:
        self.unit = unit
        self.exit_code = 1 if usable else 2
        if unit:
            message = f"unit {unit}: {message}"
        super().__init__(message, path=path, line=line, hint=hint)
