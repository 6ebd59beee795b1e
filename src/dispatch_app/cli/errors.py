"""Exit codes: 0 success, 2 bad input or usage (nothing written), 1 anything unexpected."""

from __future__ import annotations

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_BAD_INPUT = 2


class CliError(Exception):
    """Bad input or usage: printed on stderr, exit code 2."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code
